package dev.lazarus.internal.recovery;

import dev.lazarus.internal.hook.Recovering;
import dev.lazarus.internal.log.RecordConsumer;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.record.ForbiddenClassException;
import dev.lazarus.internal.record.IncompatibleSchemaException;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;
import dev.lazarus.internal.snapshot.SnapshotFile;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the object graph from a snapshot and the redo log after it: loads the newest usable
 * snapshot, then reads the log in two passes. The first ({@link #scan}) finds which transactions
 * committed (and the highest ids in use); the second ({@link #apply}) hands to the
 * {@link GraphBuilder}, in log order, every auto-commit record and every record of a committed
 * transaction. Records of transactions that never committed (the run crashed inside an
 * {@code @Atomic} call) are rolled back by not applying them ({@link CrashedTransactions} decides
 * for those a dead run left open).
 */
public final class Replayer {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

    private final RedoLog log;
    private final GraphBuilder graph;
    private final RecordBuffer in = new RecordBuffer(0);
    private long maxOid;
    private long maxTx;
    private Progress progress = Progress.NONE;
    /** The progress plan: log records to read, and the weight of loading the snapshot. */
    private long records;
    private double loadWeight;

    public Replayer(RedoLog log, ClassLoader loader, Renames renames) {
        this.log = log;
        this.graph = new GraphBuilder(loader, renames);
    }

    /** Where the reading reports how far it got (recovery's progress lines, the operator's tools). */
    public void progress(Progress p) {
        this.progress = p;
    }

    public OidTable objects() {
        return graph.objects();
    }

    public Map<String, Object> roots() {
        return graph.roots();
    }

    /** The dictionary in force at the last record applied: a snapshot carries it for the log after it. */
    public Map<Integer, String> classNames() {
        return graph.classNames();
    }

    /** Field numbers in force, as {className, name, descriptor}. */
    public Map<Integer, String[]> fieldNames() {
        return graph.fieldNames();
    }

    public long maxOid() {
        return maxOid;
    }

    public long maxTx() {
        return maxTx;
    }

    /** What a scan of a stretch of the log found. */
    public record Scan(BitSet committed, long records, long rolledBack, long safepoint, boolean cleanEnd, boolean tornTail,
                long rollbackNanos) {
    }

    /**
     * Recovery: the newest snapshot that loads (falling back to older ones), then the log after it.
     * {@code snapshots} may be empty (no snapshot yet: the log is read from its start).
     */
    RecoveryReport recover(List<Path> snapshots, boolean logTruncated) {
        long t0 = System.nanoTime();
        planProgress(snapshots);
        SnapshotFile.Trailer loaded = loadNewestUsable(snapshots, logTruncated);
        long snapshotPosition = loaded == null ? RedoLog.NO_POSITION : loaded.position();
        String missing = loaded == null ? null : log.missingRecord(snapshotPosition);
        if (missing != null) { // pruning always keeps the snapshot's record: its files were deleted or replaced
            throw new IllegalStateException("Recovery refused: the newest usable snapshot in " + snapshots.get(0).getParent()
                    + " covers the log up to index 0x" + Long.toHexString(snapshotPosition) + ", but " + missing
                    + ": log files were deleted or replaced after that snapshot was taken. Recovering from the snapshot"
                    + " alone would lose every change logged after it without a word. Restore the log directory from a"
                    + " backup taken together with the snapshots.");
        }
        long snapshotObjects = loaded == null ? 0 : loaded.objects();
        long tLoaded = System.nanoTime();
        Scan scan = scan(snapshotPosition, Long.MAX_VALUE, true);
        long tScanned = System.nanoTime();
        long applied = apply(snapshotPosition, Long.MAX_VALUE, scan.committed(), true);
        graph.warnUnadopted();
        progress.finish();
        long tApplied = System.nanoTime();
        // T_detect: the scan to the end of the log, less the time spent resolving the transactions
        // a dead run left open, which is T_rollback; T_redo: snapshot load and replay
        return new RecoveryReport(graph.objects().size(), scan.records(), applied, scan.rolledBack(), scan.cleanEnd(),
                scan.tornTail(), snapshotPosition, snapshotObjects, ms(tLoaded - t0),
                ms(tScanned - tLoaded - scan.rollbackNanos()), ms(scan.rollbackNanos()), ms(tApplied - tScanned) + ms(tLoaded - t0),
                RecoveryReport.estimate(snapshotObjects, scan.records(), RecoveryReport.LOAD_NANOS_PER_OBJECT,
                        RecoveryReport.REPLAY_NANOS_PER_RECORD));
    }

    /**
     * Loads the newest of {@code snapshots} (newest first) that loads, falling back to older ones
     * with a warning; null when there is none (the log is then read from its start). Used by
     * recovery, by the background snapshot builder and by the offline compaction alike.
     *
     * @param logTruncated whether older log files were deleted: then no usable snapshot is fatal
     */
    public SnapshotFile.Trailer loadNewestUsable(List<Path> snapshots, boolean logTruncated) {
        for (Path file : snapshots) {
            try {
                return loadSnapshot(file);
            } catch (IncompatibleSchemaException e) {
                throw e; // an older snapshot would meet the same change
            } catch (ForbiddenClassException e) {
                throw e.in("snapshot " + file); // tampered: not a reason to trust an older file instead
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "snapshot " + file + " cannot be used (" + e.getMessage()
                        + "); falling back to the one before it");
                graph.reset();
                maxOid = 0;
                maxTx = 0;
            }
        }
        if (logTruncated) {
            throw new IllegalStateException("no usable snapshot in " + (snapshots.isEmpty() ? "the data directory"
                    : snapshots.get(0).getParent()) + ", and the redo log no longer starts at the beginning (its older"
                    + " files were deleted once snapshots covered them): the state cannot be rebuilt. Restore a"
                    + " snapshot file from a backup.");
        }
        return null;
    }

    /**
     * Weighs the phases of a recovery from the newest snapshot by the recovery-time model: its
     * objects to load, the log records after it to read and to apply (a third and two thirds of
     * a record's time, as measured).
     */
    public void planProgress(List<Path> snapshots) {
        long objects = 0;
        try {
            long after = RedoLog.NO_POSITION;
            if (!snapshots.isEmpty()) {
                SnapshotFile.Trailer t = SnapshotFile.trailer(snapshots.get(0));
                objects = t.objects();
                after = t.position();
            }
            records = log.countAfter(after);
        } catch (RuntimeException e) {
            // a damaged snapshot or log: recovery itself says so; the progress only loses precision
        }
        progress.plan(objects * RecoveryReport.LOAD_NANOS_PER_OBJECT + records * RecoveryReport.REPLAY_NANOS_PER_RECORD);
        loadWeight = objects * RecoveryReport.LOAD_NANOS_PER_OBJECT;
    }

    /** Loads a snapshot file after checking it; the log position it covers is in the result. */
    SnapshotFile.Trailer loadSnapshot(Path file) {
        SnapshotFile.Trailer trailer = SnapshotFile.verify(file);
        progress.phase("loading the snapshot", "bytes", file.toFile().length(), loadWeight);
        Recovering.run(() -> SnapshotFile.read(file, (buf, off, len) -> {
            progress.tick(len + 1);
            in.reset(buf, off, len);
            int type = in.getByte();
            in.getVarLong();
            graph.apply(type, in);
        }));
        maxOid = Math.max(maxOid, trailer.maxOid());
        maxTx = Math.max(maxTx, trailer.maxTx());
        return trailer;
    }

    /**
     * Pass 1 over the records after {@code after} up to {@code upTo}: which transactions committed,
     * the highest ids, and the last <em>safepoint</em> (a position after which no transaction is open).
     * {@code recovery} reads with the recovery replay (which also deals with a torn tail); otherwise
     * with the read-only one that may run while the application appends.
     */
    public Scan scan(long after, long upTo, boolean recovery) {
        BitSet committed = new BitSet();
        Map<Long, Long> open = new HashMap<>(); // open transaction -> position of the record before its first
        long[] counts = {0, after, 0, after, 0}; // records, safepoint, rolled back, previous position, rollback nanos
        boolean[] clean = {false};
        progress.phase("reading the log", "records", records, records * RecoveryReport.REPLAY_NANOS_PER_RECORD / 3);
        RecordConsumer pass = (pos, bytes, off, len) -> {
            progress.tick(1);
            counts[0]++;
            in.reset(bytes, off, len);
            int type = in.getByte();
            long tx = in.getVarLong();
            clean[0] = type == RecordType.END;
            if (type == RecordType.RUN_START && !open.isEmpty()) {
                // the transactions still open belong to a run that died: they will never commit
                resolveCrashed(open, counts, committed);
            }
            if (tx != 0) {
                maxTx = Math.max(maxTx, tx);
                if (type == RecordType.COMMIT) {
                    committed.set(txIndex(tx));
                    open.remove(tx);
                } else {
                    open.putIfAbsent(tx, counts[3]);
                }
            }
            if (type == RecordType.NEW || type == RecordType.ARRAY_NEW) {
                maxOid = Math.max(maxOid, in.getVarLong());
            }
            if (open.isEmpty()) {
                counts[1] = pos;
            }
            counts[3] = pos;
        };
        boolean torn = false;
        if (recovery) {
            torn = (after == RedoLog.NO_POSITION ? log.replay(pass) : log.replayAfter(after, pass)).tornTail();
            if (!open.isEmpty()) { // the run that just died
                resolveCrashed(open, counts, committed);
            }
        } else {
            log.replayBetween(after, upTo, pass);
        }
        return new Scan(committed, counts[0], counts[2] + open.size(), counts[1], clean[0], torn, counts[4]);
    }

    /**
     * Rolls back or forward (see {@link CrashedTransactions}) the transactions a dead run left open,
     * which ended at {@code counts[3]}; adds to the rolled-back count and the time it took.
     */
    private void resolveCrashed(Map<Long, Long> open, long[] counts, BitSet committed) {
        long t0 = System.nanoTime();
        long from = Long.MAX_VALUE;
        for (long before : open.values()) {
            from = Math.min(from, before);
        }
        counts[2] += CrashedTransactions.resolve(log, from, counts[3], committed, new HashSet<>(open.keySet()));
        open.clear();
        counts[4] += System.nanoTime() - t0;
    }

    /** Pass 2: applies, in log order, auto-commit records and those of committed transactions. */
    public long apply(long after, long upTo, BitSet committed, boolean recovery) {
        long[] applied = {0};
        progress.phase("replaying the log", "records", records, records * RecoveryReport.REPLAY_NANOS_PER_RECORD * 2 / 3);
        RecordConsumer pass = (pos, bytes, off, len) -> {
            progress.tick(1);
            in.reset(bytes, off, len);
            int type = in.getByte();
            long tx = in.getVarLong();
            if (tx == 0 || committed.get(txIndex(tx))) {
                try {
                    graph.apply(type, in);
                } catch (IncompatibleSchemaException e) {
                    throw e;
                } catch (ForbiddenClassException e) {
                    throw e.in(log.where(pos));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("recovery failed at log record " + Long.toHexString(pos) + " ("
                            + RecordType.name(type) + "): " + e.getMessage(), e);
                }
                applied[0]++;
            }
        };
        Recovering.run(() -> {
            if (!recovery) {
                log.replayBetween(after, upTo, pass);
            } else if (after == RedoLog.NO_POSITION) {
                log.replay(pass);
            } else {
                log.replayAfter(after, pass);
            }
        });
        return applied[0];
    }

    /** A transaction id as an index of the committed-transactions bit set. */
    static int txIndex(long tx) {
        if (tx > Integer.MAX_VALUE) {
            throw new IllegalStateException("transaction id " + tx + " exceeds the recovery index");
        }
        return (int) tx;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

}
