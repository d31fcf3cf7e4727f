package dev.lazarus.agent.cli;

import dev.lazarus.agent.ConfigException;
import dev.lazarus.agent.DataDirectory;
import dev.lazarus.internal.engine.ThirdParty;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.log.SyncMode;
import dev.lazarus.internal.recovery.Renames;
import dev.lazarus.internal.snapshot.Compaction;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code compact DIR --classpath CP}: an offline snapshot and log truncation. It takes the data
 * directory's lock as the agent does, so it refuses while the application runs, and the
 * application cannot start while it works.
 */
final class CompactCommand {
    private CompactCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = Args.parse("compact", argv, Set.of("classpath", "renames", "classes", "roots", "exclude"), Set.of());
        String classPath = args.get("classpath");
        if (classPath == null) {
            throw new UsageException("compact rebuilds the state as objects of the application's classes: give its class"
                    + " path with --classpath CP (the -cp it runs with, e.g. --classpath app.jar:lib/*)");
        }
        Renames renames;
        try {
            renames = args.get("renames") == null ? Renames.NONE : Renames.parse(args.get("renames"));
        } catch (RuntimeException e) {
            throw new UsageException("--renames: " + e.getMessage());
        }
        ThirdParty thirdParty;
        try {
            // third-party classes are rebuilt as under the agent only with the same classes=, roots=, exclude=
            thirdParty = ThirdParty.parse(args.get("classes"), args.get("roots"), args.get("exclude"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        ThirdParty.install(thirdParty);
        AppClassLoader app = AppClassLoader.of(classPath, thirdParty);
        DataDirectory dir;
        try {
            dir = DataDirectory.open(args.dir);
        } catch (ConfigException e) {
            err.println("lazarus compact: " + e.getMessage());
            err.println("compact works offline: stop the application first (status shows the lock holder).");
            return Cli.IN_USE;
        }
        try (dir; RedoLog log = RedoLog.open(dir.log(), SyncMode.ALWAYS, 1000)) {
            Compaction.Result r = Compaction.run(log, dir.snapshots(), app, renames, ProgressDisplay.start(err));
            if (r == null) {
                out.println("Nothing to compact: no committed change after the newest snapshot.");
                return Cli.OK;
            }
            out.printf("Compacted %s in %,d ms: snapshot %s at log index 0x%x, %,d objects, %,d bytes (%,d log records"
                            + " applied); deleted %d older snapshot(s) and %d log file(s)%n", args.dir, r.millis(),
                    r.snapshot().getFileName(), r.position(), r.objects(), r.bytes(), r.recordsApplied(),
                    r.snapshotsDeleted(), r.logFilesDeleted());
            return Cli.OK;
        }
    }
}
