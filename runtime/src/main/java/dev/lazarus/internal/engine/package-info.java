/**
 * The write path. {@link dev.lazarus.internal.engine.Engine} is the {@code Journal} the hooks report
 * to: it turns field writes, collection operations, array writes and root assignments into records
 * ({@code internal.record}), groups those of an {@code @Atomic} call into a transaction, and appends
 * them to the redo log on the thread that made the change. {@code Attacher} gives ids to objects as
 * they become reachable and has their records written first; {@code ClassModel} knows the persistent
 * fields of a class; {@code UntrackablePolicy} refuses, or warns about, state that cannot be tracked.
 * The path of one write is drawn in {@code docs/architecture.md}.
 */
package dev.lazarus.internal.engine;
