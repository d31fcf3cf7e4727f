package dev.lazarus.internal.metrics;

import dev.lazarus.internal.recovery.RecoveryReport;
import dev.lazarus.internal.snapshot.Snapshotter;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Lazarus's JDK Flight Recorder events (category "Lazarus"). Only touched when the runtime has
 * the {@code jdk.jfr} module ({@link #AVAILABLE}), so that a trimmed runtime still runs Lazarus.
 */
public final class JfrEvents {
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private JfrEvents() {
    }

    @Name("dev.lazarus.Snapshot")
    @Label("Lazarus Snapshot")
    @Category("Lazarus")
    @Description("A snapshot built off the live heap and written to disk; its duration is the build and write")
    @StackTrace(false)
    static final class SnapshotEvent extends Event {
        @Label("Log Position")
        long position;
        @Label("Objects")
        long objects;
        @Label("Size")
        @DataAmount
        long bytes;
        @Label("Log Records Replayed")
        long records;
        @Label("Load Time")
        @Timespan(Timespan.MILLISECONDS)
        long loadMillis;
        @Label("Replay Time")
        @Timespan(Timespan.MILLISECONDS)
        long replayMillis;
        @Label("GC Time During The Build")
        @Timespan(Timespan.MILLISECONDS)
        long gcMillis;
    }

    @Name("dev.lazarus.Recovery")
    @Label("Lazarus Recovery")
    @Category("Lazarus")
    @Description("Recovery of the durable state at the first root assignment; its duration is the whole recovery")
    @StackTrace(false)
    static final class RecoveryEvent extends Event {
        @Label("Objects")
        long objects;
        @Label("Log Records")
        long records;
        @Label("Log Records Applied")
        long recordsApplied;
        @Label("Transactions Rolled Back")
        long rolledBack;
        @Label("From A Snapshot")
        boolean fromSnapshot;
        @Label("Last Run Shut Down Cleanly")
        boolean cleanShutdown;
        @Label("T_detect")
        @Timespan(Timespan.MILLISECONDS)
        long detectMillis;
        @Label("T_rollback")
        @Timespan(Timespan.MILLISECONDS)
        long rollbackMillis;
        @Label("T_redo")
        @Timespan(Timespan.MILLISECONDS)
        long redoMillis;
        @Label("Snapshot Load Time")
        @Timespan(Timespan.MILLISECONDS)
        long snapshotMillis;
    }

    /** Begins a snapshot event (null when JFR is absent); {@link #snapshot} commits it. */
    public static Object beginSnapshot() {
        if (!AVAILABLE) {
            return null;
        }
        SnapshotEvent e = new SnapshotEvent();
        e.begin();
        return e;
    }

    public static void snapshot(Object begun, Snapshotter.Taken t) {
        if (begun instanceof SnapshotEvent e && e.shouldCommit()) {
            e.position = t.position();
            e.objects = t.objects();
            e.bytes = t.bytes();
            e.records = t.records();
            e.loadMillis = t.loadMillis();
            e.replayMillis = t.replayMillis();
            e.gcMillis = t.gcMillis();
            e.commit();
        }
    }

    public static Object beginRecovery() {
        if (!AVAILABLE) {
            return null;
        }
        RecoveryEvent e = new RecoveryEvent();
        e.begin();
        return e;
    }

    public static void recovery(Object begun, RecoveryReport r) {
        if (begun instanceof RecoveryEvent e && e.shouldCommit()) {
            e.objects = r.objects();
            e.records = r.records();
            e.recordsApplied = r.recordsApplied();
            e.rolledBack = r.rolledBack();
            e.fromSnapshot = r.fromSnapshot();
            e.cleanShutdown = r.cleanShutdown();
            e.detectMillis = r.detectMillis();
            e.rollbackMillis = r.rollbackMillis();
            e.redoMillis = r.redoMillis();
            e.snapshotMillis = r.snapshotMillis();
            e.commit();
        }
    }
}
