package dev.lazarus.internal.snapshot;

import dev.lazarus.internal.recovery.RecoveryReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The snapshot files of a data directory, as the operator's tools see them. */
public final class Snapshots {
    /** What a snapshot file's trailer says, and its size. */
    public record Info(Path file, long position, long objects, long createdMillis, long bytes, long maxOid, long maxTx) {
    }

    private Snapshots() {
    }

    /** The snapshot files in {@code dir}, newest first. */
    public static List<Path> list(Path dir) {
        return Snapshotter.list(dir);
    }

    /** Whether log files before a snapshot were deleted (recovery then needs a snapshot). */
    public static boolean logTruncated(Path dir) {
        return Snapshotter.logTruncated(dir);
    }

    /**
     * The recovery time the engine's model estimates for a snapshot of {@code objects} and
     * {@code records} log records after it, at the model's default rates (the running engine
     * refines them by measuring its own snapshots).
     */
    public static long estimatedRecoveryMillis(long objects, long records) {
        return RecoveryReport.estimate(objects, records, RecoveryReport.LOAD_NANOS_PER_OBJECT,
                RecoveryReport.REPLAY_NANOS_PER_RECORD);
    }

    /** The model's default rates, for a message: {nanoseconds per object loaded, per record replayed}. */
    public static double[] defaultRates() {
        return new double[] {RecoveryReport.LOAD_NANOS_PER_OBJECT, RecoveryReport.REPLAY_NANOS_PER_RECORD};
    }

    /** The trailer, read from the end of the file: cheap, but the checksum is not tested. */
    public static Info info(Path file) {
        return info(file, SnapshotFile.trailer(file));
    }

    /** Tests the checksum over the whole file and its structure; throws {@link IllegalStateException} saying what is wrong. */
    public static Info verify(Path file) {
        return info(file, SnapshotFile.verify(file));
    }

    private static Info info(Path file, SnapshotFile.Trailer t) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        return new Info(file, t.position(), t.objects(), t.createdMillis(), bytes, t.maxOid(), t.maxTx());
    }
}
