package dev.lazarus.internal.metrics;

/**
 * The agent's metrics, registered as {@code dev.lazarus:type=Agent} (jconsole, VisualVM, jcmd).
 * Figures of a snapshot or a recovery that has not happened in this run read -1.
 */
public interface AgentMetricsMBean {
    /** Log records appended by this run. */
    long getRecordsLogged();

    /** Bytes appended to the log by this run (payloads and their checksums). */
    long getBytesLogged();

    /** Times this run forced the log to disk. */
    long getForces();

    /** Bytes of the log's files on disk now. */
    long getLogBytes();

    /** The recovery time the model estimates if the JVM died now. */
    long getEstimatedRecoveryMillis();

    /** When the last snapshot of this run was written (ISO-8601), or empty. */
    String getLastSnapshotTime();

    long getLastSnapshotDurationMillis();

    /** Collection time while the last snapshot was built: the only pause a snapshot can cause. */
    long getLastSnapshotPauseMillis();

    long getLastSnapshotBytes();

    long getLastSnapshotObjects();

    long getRecoveryDetectMillis();

    long getRecoveryRollbackMillis();

    long getRecoveryRedoMillis();

    long getRecoveryTotalMillis();

    long getRecoveredObjects();

    long getRecoveredRecords();

    long getRolledBackTransactions();
}
