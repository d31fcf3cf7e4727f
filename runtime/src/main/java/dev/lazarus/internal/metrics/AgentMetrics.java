package dev.lazarus.internal.metrics;

import dev.lazarus.internal.engine.Engine;
import dev.lazarus.internal.log.LogReader;
import dev.lazarus.internal.recovery.RecoveryReport;
import dev.lazarus.internal.snapshot.Snapshotter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.ToLongFunction;

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

    /** A figure of the last snapshot, or -1 before the first. */
    private long lastSnapshot(ToLongFunction<Snapshotter.Taken> figure) {
        Snapshotter.Taken t = engine.snapshotter().last();
        return t == null ? -1 : figure.applyAsLong(t);
    }

    /** A figure of this run's recovery, or -1 before it. */
    private long recovered(ToLongFunction<RecoveryReport> figure) {
        RecoveryReport r = engine.recoveryReport();
        return r == null ? -1 : figure.applyAsLong(r);
    }

    @Override
    public String getLastSnapshotTime() {
        Snapshotter.Taken t = engine.snapshotter().last();
        return t == null ? "" : Instant.ofEpochMilli(t.epochMillis()).toString();
    }

    @Override
    public long getLastSnapshotDurationMillis() {
        return lastSnapshot(Snapshotter.Taken::millis);
    }

    @Override
    public long getLastSnapshotPauseMillis() {
        return lastSnapshot(Snapshotter.Taken::gcMillis);
    }

    @Override
    public long getLastSnapshotBytes() {
        return lastSnapshot(Snapshotter.Taken::bytes);
    }

    @Override
    public long getLastSnapshotObjects() {
        return lastSnapshot(Snapshotter.Taken::objects);
    }

    @Override
    public long getRecoveryDetectMillis() {
        return recovered(RecoveryReport::detectMillis);
    }

    @Override
    public long getRecoveryRollbackMillis() {
        return recovered(RecoveryReport::rollbackMillis);
    }

    @Override
    public long getRecoveryRedoMillis() {
        return recovered(RecoveryReport::redoMillis);
    }

    @Override
    public long getRecoveryTotalMillis() {
        return recovered(RecoveryReport::totalMillis);
    }

    @Override
    public long getRecoveredObjects() {
        return recovered(RecoveryReport::objects);
    }

    @Override
    public long getRecoveredRecords() {
        return recovered(RecoveryReport::records);
    }

    @Override
    public long getRolledBackTransactions() {
        return recovered(RecoveryReport::rolledBack);
    }
}
