/**
 * Snapshots: a compacted copy of the log up to a safepoint, so that recovery replays only what came
 * after it. {@code Snapshotter} decides when (a {@code SnapshotPolicy}), builds the state in the
 * background by replaying the previous snapshot and the log after it, has {@code SnapshotWriter}
 * write the reachable objects as records into a {@code SnapshotFile}, then prunes the log files it
 * covers. {@code Compaction} does the same offline, for {@code lazarus compact}.
 */
package dev.lazarus.internal.snapshot;
