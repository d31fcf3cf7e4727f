package dev.lazarus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.lazarus.bench.Results.count;
import static dev.lazarus.bench.Results.mib;
import static dev.lazarus.bench.Results.ms;

/**
 * §5.4: disk use under a steady workload: the bank sample under the agent with the agent's own
 * snapshot trigger, {@code du} of the log and the snapshots sampled while it runs. Bounded disk use
 * is what snapshots (and the log files they let go) are for.
 */
final class SnapshotDisk {
    private static final String BANK = "dev.lazarus.sample.bank.BankApp";
    private static final String OPTIONS = "snapshotLogBytes=4m";
    /** One log file per second, so that deleted files show at once. */
    private static final String ROLL = "-Ddev.lazarus.rollCycle=TEST_SECONDLY";
    private static final String HEAP = "-Xms1g -Xmx1g";
    private static final int EVERY_SECONDS = 5;

    /** One sample: time, KiB of log and of snapshots ({@code du}), files of each. */
    private record Sample(long ms, long logKib, long snapshotKib, long logFiles, long snapshotFiles) {
        long totalKib() {
            return logKib + snapshotKib;
        }
    }

    private SnapshotDisk() {
    }

    static void run(Ctx ctx, Results res, StringBuilder md) throws IOException, InterruptedException {
        int seconds = ctx.quick ? 30 : 360;
        Path apps = Path.of(System.getProperty("lazarus.sample.jar", "sample-apps/target/lazarus-sample-apps.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(apps)) {
            throw new IllegalStateException("no sample apps jar at " + apps + ": build it first (benchmarks/run.sh does)");
        }
        Path dir = ctx.freshDir("snapshot-disk");
        try {
            Path data = dir.resolve("lazarus");
            Child bank = SnapshotSection.start(ctx, "disk-bank", HEAP, data, OPTIONS, BANK,
                    List.of("--accounts", "1000", "--tellers", "2", "--quiet"), ROLL, "-cp", apps.toString());
            List<Sample> samples = new ArrayList<>();
            Set<String> snapshotsSeen = new HashSet<>();
            long t0 = System.nanoTime();
            for (long t = 0; t <= seconds * 1000L; t = (System.nanoTime() - t0) / 1_000_000) {
                bank.ensureAlive();
                samples.add(sample(t, data, snapshotsSeen));
                long sleep = (t0 + samples.size() * EVERY_SECONDS * 1_000_000_000L - System.nanoTime()) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
            bank.kill9();
            long ranMs = (System.nanoTime() - t0) / 1_000_000;
            Child check = SnapshotSection.start(ctx, "disk-bank-restart", HEAP, data, OPTIONS, BANK, List.of("--check"),
                    ROLL, "-cp", apps.toString());
            check.waitExit(600);
            writeCsv(ctx.logs.resolve("snapshot-disk-samples.csv"), samples);
            report(res, md, seconds, samples, snapshotsSeen.size(), ranMs, bank, check);
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static Sample sample(long t, Path data, Set<String> snapshotsSeen) {
        Path snapshots = data.resolve("snapshots");
        if (Files.isDirectory(snapshots)) {
            try (var files = Files.list(snapshots)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".lzs")).forEach(snapshotsSeen::add);
            } catch (IOException e) {
                // a snapshot was deleted while listed: the next sample sees the directory again
            }
        }
        return new Sample(t, Files2.duKib(data.resolve("log")), Files2.duKib(snapshots),
                Files2.count(data.resolve("log"), ".cq4"), Files2.count(snapshots, ".lzs"));
    }

    private static void writeCsv(Path file, List<Sample> samples) throws IOException {
        StringBuilder csv = new StringBuilder("seconds,log_kib,snapshots_kib,log_files,snapshot_files\n");
        for (Sample x : samples) {
            csv.append(x.ms() / 1000.0).append(',').append(x.logKib()).append(',').append(x.snapshotKib()).append(',')
                    .append(x.logFiles()).append(',').append(x.snapshotFiles()).append('\n');
        }
        Files.writeString(file, csv);
    }

    private static void report(Results res, StringBuilder md, int seconds, List<Sample> samples, int snapshotsSeen,
                               long ranMs, Child bank, Child check) {
        String line = Recovery.line(check);
        String state = check.line("STATE");
        String conserved = Stream.of("money conserved", "MONEY NOT CONSERVED").map(check::line).filter(Objects::nonNull)
                .findFirst().orElse("?");
        Matcher tm = Pattern.compile("transfers=(\\d+)").matcher(state == null ? "" : state);
        double transfers = tm.find() ? Double.parseDouble(tm.group(1)) : Double.NaN;
        long failedSnapshots = bank.linesWith("snapshot failed").size();

        // the trend: median and maximum of the total in each third of the run (the first third includes the start)
        int k = samples.size();
        long[] thirdMax = new long[3];
        long[] thirdMedian = new long[3];
        for (int t = 0; t < 3; t++) {
            long[] third = samples.subList(t * k / 3, (t + 1) * k / 3).stream().mapToLong(Sample::totalKib).sorted().toArray();
            thirdMax[t] = third.length == 0 ? 0 : third[third.length - 1];
            thirdMedian[t] = third.length == 0 ? 0 : third[third.length / 2];
        }
        double slope = slopeMibPerMinute(samples.subList(k / 3, k));
        long maxLog = samples.stream().mapToLong(Sample::logKib).max().orElse(0);
        long maxSnap = samples.stream().mapToLong(Sample::snapshotKib).max().orElse(0);
        long maxTotal = samples.stream().mapToLong(Sample::totalKib).max().orElse(0);
        long maxLogFiles = samples.stream().mapToLong(Sample::logFiles).max().orElse(0);
        long maxSnapFiles = samples.stream().mapToLong(Sample::snapshotFiles).max().orElse(0);
        boolean bounded = thirdMedian[2] <= thirdMedian[1] * 1.25 + 32 * 1024;
        res.put("snapshot.disk.maxMiB", maxTotal / 1024.0);
        res.put("snapshot.disk.slopeMiBPerMin", slope);
        res.csv("snapshot", "disk use under the bank workload, max", maxTotal / 1024.0, "MiB", "log " + mib(maxLog)
                + ", snapshots " + mib(maxSnap) + " over " + seconds + " s");
        res.csv("snapshot", "disk use slope over the last two thirds", slope, "MiB/min", bounded ? "bounded" : "growing");

        md.append("\n### 5.4 Disk use under a steady workload (")
                .append(seconds >= 60 ? String.format(Locale.ROOT, "%.0f min", seconds / 60.0) : seconds + " s").append(")\n\n");
        md.append("The bank sample (`BankApp --accounts 1000 --tellers 2 --quiet`: two threads doing `@Atomic` transfers")
                .append(" flat out) under the agent with `").append(OPTIONS).append("` (snapshots by the agent's own trigger) and")
                .append(" `").append(ROLL).append("` (one log file per second, so that deleted files show at once);")
                .append(" `du -sk` of `dir/log` and `dir/snapshots` every ").append(EVERY_SECONDS).append(" s. It made ")
                .append(count(transfers)).append(" transfers in ").append(ms(ranMs)).append(" (")
                .append(count(transfers / (ranMs / 1000.0)))
                .append(" transfers/s, ~7 log records each), then was killed with `kill -9` and restarted with `--check`: ")
                .append(conserved).append("; `").append(state).append("`.\n\n");
        md.append("| | log (`du`) | snapshots (`du`) | total | log files | snapshot files |\n|---|---:|---:|---:|---:|---:|\n");
        md.append("| **max over the run** | ").append(mib(maxLog)).append(" | ").append(mib(maxSnap)).append(" | **")
                .append(mib(maxTotal)).append("** | ").append(maxLogFiles).append(" | ").append(maxSnapFiles).append(" |\n");
        for (int i = 0; i < k; i += Math.max(1, 30 / EVERY_SECONDS)) {
            Sample s = samples.get(i);
            md.append("| t = ").append(s.ms() / 1000).append(" s | ").append(mib(s.logKib())).append(" | ")
                    .append(mib(s.snapshotKib())).append(" | ").append(mib(s.totalKib())).append(" | ").append(s.logFiles())
                    .append(" | ").append(s.snapshotFiles()).append(" |\n");
        }
        md.append("\nAll samples (s: MiB total): ");
        for (int i = 0; i < k; i++) {
            md.append(samples.get(i).ms() / 1000).append(": ").append(samples.get(i).totalKib() / 1024).append(i == k - 1 ? "" : ", ");
        }
        md.append(".\n\nTrend: median (max) of the total in each third of the run: ").append(mib(thirdMedian[0])).append(" (")
                .append(mib(thirdMax[0])).append("), ").append(mib(thirdMedian[1])).append(" (").append(mib(thirdMax[1]))
                .append("), ").append(mib(thirdMedian[2])).append(" (").append(mib(thirdMax[2]))
                .append("); least-squares slope of the total over the last two thirds: ")
                .append(String.format(Locale.ROOT, "%+.1f MiB/min", slope)).append(" → ")
                .append(bounded ? "**bounded** (the last third's median is within 25% of the middle third's)"
                        : "**growing** (the last third's median exceeds the middle third's by more than 25%)")
                .append(". Distinct snapshot files seen by the ").append(EVERY_SECONDS).append(" s samples: ")
                .append(snapshotsSeen).append(" (a lower bound of the snapshots taken). Snapshot failures logged by the agent")
                .append(" during the run: ").append(failedSnapshots).append(".\n");
        md.append("\nRecovery after the run: `").append(line).append("`\n");
    }

    /** The least-squares slope of the total over time, in MiB per minute; NaN under two samples. */
    private static double slopeMibPerMinute(List<Sample> samples) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = samples.size();
        for (Sample s : samples) {
            double x = s.ms() / 60000.0;
            double y = s.totalKib() / 1024.0;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return n > 1 ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : Double.NaN;
    }
}
