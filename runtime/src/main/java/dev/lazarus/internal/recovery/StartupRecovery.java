package dev.lazarus.internal.recovery;

import dev.lazarus.internal.engine.EngineSettings;
import dev.lazarus.internal.hook.Recovering;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.metrics.JfrEvents;
import dev.lazarus.internal.snapshot.Snapshotter;

import java.util.Map;

/**
 * Recovery at start-up, in two named steps: load the newest usable snapshot, replay the log after
 * it ({@link Replayer#recover}). Runs once, on the thread that assigns the first root, with that
 * root's class loader; reports progress and the figures in the log and as a JFR event.
 */
public final class StartupRecovery {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

    /** What recovery rebuilt: the objects with their ids, the roots, and the highest ids in use. */
    public record Recovered(OidTable objects, Map<String, Object> roots, long maxOid, long maxTx, RecoveryReport report) {
    }

    private StartupRecovery() {
    }

    public static Recovered run(RedoLog log, ClassLoader loader, EngineSettings settings) {
        Replayer replayer = new Replayer(log, loader, settings.renames());
        replayer.progress(Progress.logging(LOG));
        Object event = JfrEvents.beginRecovery();
        RecoveryReport report = Recovering.call(() -> replayer.recover(Snapshotter.list(settings.snapshotDir()),
                Snapshotter.logTruncated(settings.snapshotDir())));
        JfrEvents.recovery(event, report);
        LOG.log(System.Logger.Level.INFO, report.line(settings.snapshots().rtoMs()));
        return new Recovered(replayer.objects(), replayer.roots(), replayer.maxOid(), replayer.maxTx(), report);
    }
}
