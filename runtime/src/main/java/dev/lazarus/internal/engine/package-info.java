/**
 * The write path, recovery and snapshots above the log. {@link dev.lazarus.internal.engine.Engine}
 * turns what the hooks report into records (field writes, collection operations, array writes, roots,
 * transactions), attaching newly reachable objects first ({@code GraphCodec}, {@code ValueCodec}) and
 * refusing state it cannot track. {@code Replayer} recovers: the newest snapshot, then the log after it,
 * with the transactions a dead run left open resolved by {@code CrashedTransactions}.
 * {@code Snapshotter} writes snapshots in the background. The path of one write is drawn in
 * {@code docs/architecture.md}.
 */
package dev.lazarus.internal.engine;
