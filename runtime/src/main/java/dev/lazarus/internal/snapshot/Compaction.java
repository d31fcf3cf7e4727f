package dev.lazarus.internal.snapshot;

import dev.lazarus.internal.engine.Unreachable;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.recovery.Progress;
import dev.lazarus.internal.recovery.Renames;
import dev.lazarus.internal.recovery.Replayer;

import java.nio.file.Path;
import java.util.List;

/**
 * An offline compaction, for the operator's {@code compact} command: with the data directory
 * locked (no application running), rebuilds the state as recovery would (newest usable snapshot,
 * then the log after it, up to its last safepoint), writes it as a new snapshot, checks the file,
 * then deletes the older snapshots and the log files before the new one. Records after the
 * safepoint (a transaction left open by a crash) stay in the log: the next recovery rolls them back.
 */
public final class Compaction {
    /** What a compaction did. */
    public record Result(Path snapshot, long position, long objects, long bytes, long recordsApplied,
                         int snapshotsDeleted, int logFilesDeleted, long millis) {
    }

    private Compaction() {
    }

    /**
     * @param appLoader loads the application's classes, instrumented as the agent does (objects are
     *                  rebuilt as real objects, like at recovery)
     * @return what was done, or null when there is nothing to compact (no record after the newest
     * snapshot's safepoint)
     */
    public static Result run(RedoLog log, Path snapshotDir, ClassLoader appLoader, Renames renames, Progress progress) {
        long t0 = System.nanoTime();
        List<Path> existing = Snapshotter.list(snapshotDir);
        Replayer shadow = new Replayer(log, appLoader, renames);
        shadow.progress(progress);
        shadow.planProgress(existing);
        SnapshotFile.Trailer previous = shadow.loadNewestUsable(existing, Snapshotter.logTruncated(snapshotDir));
        long after = previous == null ? RedoLog.NO_POSITION : previous.position();
        Replayer.Scan scan = shadow.scan(after, Long.MAX_VALUE, true); // the recovery read: a torn tail is dropped
        long position = scan.safepoint();
        if (position == after) {
            progress.finish();
            return null;
        }
        long applied = shadow.apply(after, position, scan.committed(), false);
        progress.phase("writing the snapshot", "objects", 0, 0);
        Path written = SnapshotWriter.write(snapshotDir, position, shadow, Unreachable.offline()).getKey();
        SnapshotFile.Trailer trailer = SnapshotFile.verify(written); // read back before anything is deleted
        progress.finish();
        Snapshotter.Pruned pruned = Snapshotter.prune(snapshotDir, log, 1); // the new snapshot is the newest
        long bytes = written.toFile().length();
        return new Result(written, position, trailer.objects(), bytes, applied, pruned.snapshots(), pruned.logFiles(),
                (System.nanoTime() - t0) / 1_000_000);
    }
}
