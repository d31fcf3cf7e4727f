package dev.lazarus.internal.recovery;

/**
 * The figures of one recovery, split as DESIGN §4 names them: T_detect (reading the log after the
 * snapshot to its end, to find how the last run ended and which transactions committed),
 * T_rollback (deciding the fate of the transactions a dead run left open: {@link CrashedTransactions}
 * reads their records again to roll each back or forward), T_redo (loading the snapshot and replaying the
 * committed records after it).
 */
public record RecoveryReport(long objects, long records, long recordsApplied, long rolledBack,
                             boolean cleanShutdown, boolean tornTail, long snapshotPosition, long snapshotObjects,
                             long snapshotMillis, long detectMillis, long rollbackMillis, long redoMillis,
                             long estimatedMillis) {

    /**
     * The recovery-time model's default rates, pessimistic on purpose: a schedule too eager costs
     * CPU, one too lax misses the objective. The snapshotter refines them by measuring.
     */
    public static final double LOAD_NANOS_PER_OBJECT = 1_000;
    public static final double REPLAY_NANOS_PER_RECORD = 1_200;

    /** What the model predicts for a snapshot of {@code objects} and {@code records} log records after it. */
    public static long estimate(long objects, long records, double loadNanosPerObject, double replayNanosPerRecord) {
        return (long) ((objects * loadNanosPerObject + records * replayNanosPerRecord) / 1e6);
    }

    public long totalMillis() {
        return detectMillis + rollbackMillis + redoMillis;
    }

    public boolean fromSnapshot() {
        return snapshotPosition != -1;
    }

    /** The recovery line, with the recovery time objective it is held to (0: none). */
    public String line(long rtoMillis) {
        String objective = rtoMillis <= 0 ? ""
                : "; rto " + rtoMillis + " ms " + (totalMillis() <= rtoMillis ? "met" : "MISSED")
                + " (estimated " + estimatedMillis + " ms)";
        return line() + objective;
    }

    /** The one line printed at recovery. */
    public String line() {
        if (records == 0 && !fromSnapshot()) {
            return "Lazarus: no earlier state, starting empty";
        }
        return "Lazarus recovered " + objects + " objects from "
                + (fromSnapshot() ? "a snapshot of " + snapshotObjects + " objects and " : "")
                + recordsApplied + " of " + records + " log records" + (fromSnapshot() ? " after it" : "") + ", "
                + rolledBack + " transaction" + (rolledBack == 1 ? "" : "s") + " rolled back, in "
                + totalMillis() + " ms (T_detect " + detectMillis + " ms, T_rollback " + rollbackMillis
                + " ms, T_redo " + redoMillis + " ms" + (fromSnapshot() ? " of which snapshot load " + snapshotMillis + " ms" : "")
                + "); last run " + (cleanShutdown ? "shut down cleanly" : "crashed")
                + (tornTail ? ", torn tail record discarded" : "");
    }

    public String summary() {
        return "recovered " + objects + " objects from " + recordsApplied + " records in " + totalMillis() + " ms";
    }
}
