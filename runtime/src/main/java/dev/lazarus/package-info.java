/**
 * The public API, kept tiny: {@link dev.lazarus.Durable} marks state that survives a crash,
 * {@link dev.lazarus.Atomic} a method whose writes recover all or nothing, {@link dev.lazarus.Distributed}
 * a map shared by a cluster, and {@link dev.lazarus.Lazarus} the few calls an application may make
 * (status, checkpoint, waiting for durability). Everything else is internal.
 */
package dev.lazarus;
