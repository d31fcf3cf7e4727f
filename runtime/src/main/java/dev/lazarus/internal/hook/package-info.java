/**
 * What instrumented code calls. Loaded by the system class loader, so that every application
 * class can see it: {@link dev.lazarus.internal.hook.Hooks} has the static entry points the rewritten
 * bytecode calls, and forwards to the installed {@link dev.lazarus.internal.hook.Journal} (the engine, in
 * the agent's own class loader). {@link dev.lazarus.internal.hook.Tracked} is the interface every tracked
 * class gets; {@link dev.lazarus.internal.hook.CollectionOp} numbers the logged collection operations.
 */
package dev.lazarus.internal.hook;
