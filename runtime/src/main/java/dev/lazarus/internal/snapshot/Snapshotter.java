package dev.lazarus.internal.snapshot;

import dev.lazarus.internal.engine.Unreachable;
import dev.lazarus.internal.log.OwnerOnly;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.metrics.JfrEvents;
import dev.lazarus.internal.recovery.RecoveryReport;
import dev.lazarus.internal.recovery.Renames;
import dev.lazarus.internal.recovery.Replayer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Takes snapshots without stopping the application: a snapshot is built off the live heap, by
 * loading the previous snapshot into a shadow graph and replaying the log after it up to the last
 * safepoint (recovery's own code), then writing that graph. The application's threads never wait
 * for it; the price is memory for the shadow graph while a snapshot is built, and one core.
 *
 * <p>Once a snapshot is on disk (forced, renamed, directory forced), older snapshots beyond the
 * newest {@value #KEEP} are deleted, and so are the log files older than the oldest snapshot kept
 * (so that recovery can still fall back to it).
 */
public final class Snapshotter {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    static final int KEEP = 2;
    static final String TRUNCATED_MARKER = "log-truncated";

    /**
     * The figures of the last snapshot. {@code gcMillis}: time the collectors reported while it was
     * built, the only pause a snapshot can cause (application threads never wait for one).
     */
    public record Taken(Path file, long position, int objects, long bytes, long millis, long loadMillis, long replayMillis,
                 long records, long gcMillis, long epochMillis) {
    }

    private final RedoLog log;
    private final Path dir;
    private final SnapshotPolicy policy;
    private volatile ClassLoader loader;
    private volatile Taken last;
    private volatile long lastTime = System.currentTimeMillis();
    private volatile long bytesAtLast;
    private volatile long recordsAtLast;
    private volatile long objectsAtLast;
    // rates, measured by each snapshot build (which is a recovery in miniature)
    private volatile double loadNanosPerObject = RecoveryReport.LOAD_NANOS_PER_OBJECT;
    private volatile double replayNanosPerRecord = RecoveryReport.REPLAY_NANOS_PER_RECORD;
    private volatile boolean warnedRto;
    private Thread thread;
    private volatile boolean stopping;

    private final Renames renames;
    private final Unreachable unreachable;

    public Snapshotter(RedoLog log, Path dir, SnapshotPolicy policy, Renames renames, Unreachable unreachable) {
        this.renames = renames;
        this.unreachable = unreachable;
        this.log = log;
        this.dir = dir;
        this.policy = policy;
        cleanTemporaryFiles();
    }

    /** Snapshot files, newest first. */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            files.filter(f -> SnapshotFile.positionOf(f) >= 0).forEach(out::add);
            out.sort(Comparator.comparingLong(SnapshotFile::positionOf).reversed());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshots in " + dir, e);
        }
    }

    public static boolean logTruncated(Path dir) {
        return Files.exists(dir.resolve(TRUNCATED_MARKER));
    }

    private void cleanTemporaryFiles() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(SnapshotFile.SUFFIX + ".tmp")).forEach(f -> {
                try {
                    Files.deleteIfExists(f); // a snapshot whose writing a crash interrupted
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot delete " + f + ": " + e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshots in " + dir, e);
        }
    }

    /** Starts the background trigger once recovery is done and the application's loader is known. */
    public synchronized void start(ClassLoader appLoader, RecoveryReport recovered) {
        this.loader = appLoader;
        this.objectsAtLast = recovered.objects();
        this.recordsAtLast = -recovered.records(); // records after the snapshot count towards the next one
        if (recovered.records() > 10_000) {
            replayNanosPerRecord = Math.max(50, (recovered.totalMillis() - recovered.snapshotMillis()) * 1e6
                    / recovered.records());
        }
        if (recovered.snapshotObjects() > 10_000) {
            loadNanosPerObject = Math.max(50, recovered.snapshotMillis() * 1e6 / recovered.snapshotObjects());
        }
        thread = new Thread(this::loop, "lazarus-snapshot");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stopping) {
            try {
                Thread.sleep(200);
                if (due() != null) {
                    checkpoint();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "snapshot failed (the log keeps everything; next try later): " + e, e);
                lastTime = System.currentTimeMillis(); // do not retry in a tight loop
            }
        }
    }

    /** Why a snapshot is due now, or null. */
    String due() {
        long now = System.currentTimeMillis();
        if (policy.intervalMs() > 0 && now - lastTime >= policy.intervalMs() && log.appendedBytes() > bytesAtLast) {
            return "interval";
        }
        if (policy.logBytes() > 0 && log.appendedBytes() - bytesAtLast >= policy.logBytes()) {
            return "log size";
        }
        if (policy.rtoMs() > 0 && rtoDue()) {
            return "recovery time objective";
        }
        return null;
    }

    /**
     * The log part of the estimate may grow to half of what loading the snapshot leaves of the
     * objective; when loading alone takes most of the objective, a snapshot follows every quarter
     * of it, and a warning says the objective is at risk.
     */
    private boolean rtoDue() {
        long rto = policy.rtoMs();
        double base = objectsAtLast * loadNanosPerObject / 1e6;
        double logPart = Math.max(0, log.appendedRecords() - recordsAtLast) * replayNanosPerRecord / 1e6;
        if (base >= rto * 0.75) {
            if (!warnedRto) {
                warnedRto = true;
                LOG.log(System.Logger.Level.WARNING, "rto=" + rto + " ms is at risk: loading a snapshot of "
                        + objectsAtLast + " objects is estimated at " + (long) base + " ms");
            }
            return logPart >= rto / 4.0;
        }
        return logPart >= (rto - base) / 2;
    }

    /** Estimated recovery time now: loading the last snapshot plus replaying the log after it. */
    public long estimatedRecoveryMillis() {
        long records = Math.max(0, log.appendedRecords() - recordsAtLast);
        return RecoveryReport.estimate(objectsAtLast, records, loadNanosPerObject, replayNanosPerRecord);
    }

    /**
     * Takes a snapshot at the last safepoint of the log as it is now. Returns null if there is
     * nothing new, or no safepoint since the last snapshot (a transaction is still open).
     */
    public synchronized Taken checkpoint() {
        try {
            return take();
        } catch (InternalError e) { // a page of a memory-mapped log file could not be backed: a full disk
            long free;
            try {
                free = Files.getFileStore(dir).getUsableSpace();
            } catch (IOException io) {
                free = -1;
            }
            throw new IllegalStateException("snapshot failed: a fault in the memory-mapped redo log while reading it ("
                    + free + " bytes free on the file system of " + dir + "; full?). Nothing was deleted; the next"
                    + " snapshot is tried later", e);
        }
    }

    private Taken take() {
        ClassLoader appLoader = loader;
        if (appLoader == null) {
            return null; // not recovered yet: nothing tracked
        }
        long t0 = System.nanoTime();
        long gc0 = gcMillis();
        Object event = JfrEvents.beginSnapshot();
        long end = log.lastPosition();
        long bytesNow = log.appendedBytes();
        long recordsNow = log.appendedRecords();
        List<Path> existing = list(dir);
        if (!existing.isEmpty() && SnapshotFile.positionOf(existing.get(0)) == end) {
            return null; // nothing logged since the newest snapshot
        }
        Replayer shadow = new Replayer(log, appLoader, renames);
        SnapshotFile.Trailer previous = shadow.loadNewestUsable(existing, logTruncated(dir));
        long after = previous == null ? RedoLog.NO_POSITION : previous.position();
        if (end == after || end == RedoLog.NO_POSITION) {
            return null;
        }
        long tLoaded = System.nanoTime();
        Replayer.Scan scan = shadow.scan(after, end, false);
        long tScanned = System.nanoTime();
        long position = scan.safepoint();
        if (position == after) {
            return null;
        }
        long records = shadow.apply(after, position, scan.committed(), false);
        long tReplayed = System.nanoTime();
        if (records > 10_000) {
            // a record costs one scan and one apply at recovery
            replayNanosPerRecord = Math.max(50, (tScanned - tLoaded) / (double) scan.records()
                    + (tReplayed - tScanned) / (double) records);
        }
        log.forceForSnapshot(position); // never a snapshot more durable than the log it covers
        Map.Entry<Path, Integer> written = SnapshotWriter.write(dir, position, shadow, unreachable);
        long t1 = System.nanoTime();
        long bytes;
        try {
            bytes = Files.size(written.getKey());
        } catch (IOException e) {
            bytes = -1;
        }
        Taken taken = new Taken(written.getKey(), position, written.getValue(), bytes, (t1 - t0) / 1_000_000,
                (tLoaded - t0) / 1_000_000, (tReplayed - tLoaded) / 1_000_000, records, gcMillis() - gc0,
                System.currentTimeMillis());
        JfrEvents.snapshot(event, taken);
        if (after != RedoLog.NO_POSITION && objectsAtLast > 10_000) {
            loadNanosPerObject = Math.max(50, (tLoaded - t0) / (double) objectsAtLast);
        }
        last = taken;
        lastTime = System.currentTimeMillis();
        bytesAtLast = bytesNow;
        recordsAtLast = recordsNow;
        objectsAtLast = written.getValue();
        prune(dir, log, KEEP);
        LOG.log(System.Logger.Level.DEBUG, () -> "snapshot " + taken);
        return taken;
    }

    /** What a prune deleted. */
    record Pruned(int snapshots, int logFiles) {
    }

    /**
     * Keeps the newest {@code keep} snapshots in {@code dir}; deletes the older ones and the log
     * files that only they needed (after writing the log-truncated marker: recovery then knows the
     * log no longer starts at the beginning). Used by the background snapshots and by compaction.
     */
    static Pruned prune(Path dir, RedoLog log, int keep) {
        List<Path> all = list(dir);
        int snapshots = 0;
        for (int i = keep; i < all.size(); i++) {
            try {
                if (Files.deleteIfExists(all.get(i))) {
                    snapshots++;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete old snapshot " + all.get(i) + ": " + e);
            }
        }
        if (all.size() < keep) {
            return new Pruned(snapshots, 0);
        }
        try {
            Path marker = dir.resolve(TRUNCATED_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "log files before a snapshot's position are deleted\n");
                OwnerOnly.restrict(marker);
                SnapshotFile.forceDirectory(dir);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write " + TRUNCATED_MARKER + ", keeping the log: " + e);
            return new Pruned(snapshots, 0);
        }
        return new Pruned(snapshots, log.deleteFilesBefore(SnapshotFile.positionOf(all.get(keep - 1))));
    }

    /** Total collection time reported by the JVM's collectors so far. */
    private static long gcMillis() {
        long sum = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    public Taken last() {
        return last;
    }

    public void stop() {
        stopping = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
