package dev.lazarus.agent.cli;

import dev.lazarus.internal.log.LogReader;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.snapshot.Snapshots;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** {@code status DIR}: what recovery would start from now, read-only (safe while the application runs). */
final class StatusCommand {
    private StatusCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse("status", argv, Set.of(), Set.of());
        out.println("Lazarus data directory " + args.dir);
        Optional<LockHolder> holder = LockHolder.of(args.dir);
        row(out, "lock", holder.map(LockHolder::describe).orElse("no holder recorded (no agent has opened it)"));

        List<Path> snapshots = Snapshots.list(args.snapshots());
        long objects = 0;
        long after = RedoLog.NO_POSITION;
        if (snapshots.isEmpty()) {
            row(out, "last snapshot", "none: recovery replays the whole log");
        } else {
            Snapshots.Info s = Snapshots.info(snapshots.get(0));
            objects = s.objects();
            after = s.position();
            row(out, "last snapshot", String.format("%s: log index 0x%x, %,d objects, written %s, %,d bytes%s",
                    s.file().getFileName(), s.position(), s.objects(), Instant.ofEpochMilli(s.createdMillis()), s.bytes(),
                    snapshots.size() > 1 ? " (" + snapshots.size() + " snapshots kept)" : ""));
        }
        long records;
        try (LogReader log = LogReader.open(args.log())) {
            records = log.countAfter(after);
            long last = log.lastIndex();
            long files = logFiles(args.log());
            row(out, "log", String.format("%d file%s, %,d bytes; %,d records %s%s", files, files == 1 ? "" : "s",
                    LogReader.sizeOnDisk(args.log()), records, snapshots.isEmpty() ? "in all" : "after the last snapshot",
                    last == RedoLog.NO_POSITION ? "" : String.format(" (last index 0x%x)", last)));
        }
        double[] rates = Snapshots.defaultRates();
        row(out, "estimated recovery", String.format("%,d ms (the engine's model at its default rates: %,d objects x %.1f us"
                        + " + %,d records x %.1f us; a running agent refines the rates, see Lazarus.status())",
                Snapshots.estimatedRecoveryMillis(objects, records), objects, rates[0] / 1000, records, rates[1] / 1000));
        if (Snapshots.logTruncated(args.snapshots())) {
            row(out, "log truncated", "yes: log files a snapshot covers are deleted, so recovery needs a snapshot");
        }
        return Cli.OK;
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("  %-19s %s%n", name + ":", value);
    }

    private static long logFiles(Path log) {
        if (!Files.isDirectory(log)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + log, e);
        }
    }
}
