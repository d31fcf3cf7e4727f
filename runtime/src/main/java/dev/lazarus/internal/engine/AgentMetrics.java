package dev.lazarus.internal.engine;

import dev.lazarus.internal.log.LogReader;

import java.nio.file.Path;
import java.time.Instant;

/** The {@link AgentMetricsMBean} of a running engine: every figure is read when asked, nothing is counted for it. */
public final class AgentMetrics implements AgentMetricsMBean {
    private final Engine engine;
    private final Path logDir;

    public AgentMetrics(Engine engine, Path logDir) {
        this.engine = engine;
        this.logDir = logDir;
    }

    @Override
    public long getRecordsLogged() {
        return engine.log().appendedRecords();
    }

    @Override
    public long getBytesLogged() {
        return engine.log().appendedBytes();
    }

    @Override
    public long getForces() {
        return engine.log().forceCount();
    }

    @Override
    public long getLogBytes() {
        return LogReader.sizeOnDisk(logDir);
    }

    @Override
    public long getEstimatedRecoveryMillis() {
        return engine.estimatedRecoveryMillis();
    }

    private Snapshotter.Taken last() {
        return engine.snapshotter().last();
    }

    @Override
    public String getLastSnapshotTime() {
        Snapshotter.Taken t = last();
        return t == null ? "" : Instant.ofEpochMilli(t.epochMillis()).toString();
    }

    @Override
    public long getLastSnapshotDurationMillis() {
        Snapshotter.Taken t = last();
        return t == null ? -1 : t.millis();
    }

    @Override
    public long getLastSnapshotPauseMillis() {
        Snapshotter.Taken t = last();
        return t == null ? -1 : t.gcMillis();
    }

    @Override
    public long getLastSnapshotBytes() {
        Snapshotter.Taken t = last();
        return t == null ? -1 : t.bytes();
    }

    @Override
    public long getLastSnapshotObjects() {
        Snapshotter.Taken t = last();
        return t == null ? -1 : t.objects();
    }

    private RecoveryReport recovery() {
        return engine.recoveryReport();
    }

    @Override
    public long getRecoveryDetectMillis() {
        RecoveryReport r = recovery();
        return r == null ? -1 : r.detectMillis();
    }

    @Override
    public long getRecoveryRollbackMillis() {
        RecoveryReport r = recovery();
        return r == null ? -1 : r.rollbackMillis();
    }

    @Override
    public long getRecoveryRedoMillis() {
        RecoveryReport r = recovery();
        return r == null ? -1 : r.redoMillis();
    }

    @Override
    public long getRecoveryTotalMillis() {
        RecoveryReport r = recovery();
        return r == null ? -1 : r.totalMillis();
    }

    @Override
    public long getRecoveredObjects() {
        RecoveryReport r = recovery();
        return r == null ? -1 : r.objects();
    }

    @Override
    public long getRecoveredRecords() {
        RecoveryReport r = recovery();
        return r == null ? -1 : r.records();
    }

    @Override
    public long getRolledBackTransactions() {
        RecoveryReport r = recovery();
        return r == null ? -1 : r.rolledBack();
    }
}
