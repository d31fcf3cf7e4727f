package dev.lazarus.internal.engine;

import dev.lazarus.internal.log.RedoLog;

import java.io.IOException;
import java.nio.file.Files;
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
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

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
        Path written = SnapshotWriter.write(snapshotDir, position, shadow).getKey();
        SnapshotFile.Trailer trailer = SnapshotFile.verify(written); // read back before anything is deleted
        progress.finish();
        int snapshotsDeleted = 0;
        for (Path old : Snapshotter.list(snapshotDir)) {
            if (!old.equals(written)) {
                try {
                    Files.delete(old);
                    snapshotsDeleted++;
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot delete old snapshot " + old + ": " + e);
                }
            }
        }
        int logFiles = 0;
        try {
            Path marker = snapshotDir.resolve(Snapshotter.TRUNCATED_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "log files before a snapshot's position are deleted\n");
                SnapshotFile.forceDirectory(snapshotDir);
            }
            logFiles = log.deleteFilesBefore(position);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write " + Snapshotter.TRUNCATED_MARKER + ", keeping the log: " + e);
        }
        long bytes = written.toFile().length();
        return new Result(written, position, trailer.objects(), bytes, applied, snapshotsDeleted, logFiles,
                (System.nanoTime() - t0) / 1_000_000);
    }
}
