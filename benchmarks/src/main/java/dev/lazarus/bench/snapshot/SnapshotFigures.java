package dev.lazarus.bench.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of issue [snapshots], each measured in one run with its baseline, by child JVMs
 * started with the agent on fresh data directories:
 *
 * <ol>
 * <li>snapshot write and load rates against raw Kryo on the same graph ({@link GraphChild} {@code rates}/{@code load});
 * <li>the app-visible pause at 10k, 1M and 10M tracked objects ({@code pause});
 * <li>recovery at 1M objects with 1M log records after the snapshot, after a real {@code kill -9},
 *     against a raw Chronicle tailer over the same files ({@code crash}/{@code recover}, {@link RawTailer});
 * <li>disk use under a steady workload (the bank sample, small {@code snapshotLogBytes}, one log file per second).
 * </ol>
 *
 * Writes a Markdown report. Run from the project root (see {@code benchmarks/snapshot-figures.sh}):
 * <pre>java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.lazarus.bench.snapshot.SnapshotFigures
 *      [--quick] [--only rates,pause,recovery,disk] [--out benchmarks/results/snapshots.md] [--work DIR]
 *      [--pause-sizes 10000,1000000,10000000] [--disk-seconds 300]</pre>
 */
public final class SnapshotFigures {
    private static final String CHILD = GraphChild.class.getName();
    private static final String NO_AUTO_SNAPSHOTS = ",snapshotInterval=off,snapshotLogBytes=off";

    private final Path agent;
    private final Path sampleApps;
    private final Path work;
    private final Path outFile;
    private final boolean quick;
    private final String classPath;
    private final StringBuilder md = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    private SnapshotFigures(Path agent, Path sampleApps, Path work, Path outFile, boolean quick, String classPath) {
        this.classPath = classPath;
        this.agent = agent;
        this.sampleApps = sampleApps;
        this.work = work;
        this.outFile = outFile;
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        String only = opt(a, "--only", "rates,pause,recovery,disk");
        Path out = Path.of(opt(a, "--out", "benchmarks/results/snapshots.md")).toAbsolutePath();
        Path work = Path.of(opt(a, "--work", "benchmarks/target/snapshot-figures")).toAbsolutePath();
        long[] pauseSizes = Arrays.stream(opt(a, "--pause-sizes", quick ? "10000,100000" : "10000,1000000,10000000")
                .split(",")).mapToLong(Long::parseLong).toArray();
        String zgc = opt(a, "--pause-zgc", quick ? "100000" : "1000000");
        long[] zgcSizes = zgc.isBlank() || zgc.equals("none") ? new long[0]
                : Arrays.stream(zgc.split(",")).mapToLong(Long::parseLong).toArray();
        int diskSeconds = Integer.parseInt(opt(a, "--disk-seconds", quick ? "30" : "360"));
        Path agent = Path.of(System.getProperty("lazarus.agent.jar", "agent/target/lazarus-agent.jar")).toAbsolutePath();
        Path apps = Path.of(System.getProperty("lazarus.sample.jar", "sample-apps/target/lazarus-sample-apps.jar")).toAbsolutePath();
        for (Path p : List.of(agent, apps)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + " is missing: build first (benchmarks/snapshot-figures.sh)");
            }
        }
        deleteTree(work);
        Files.createDirectories(work);
        Files.createDirectories(out.getParent());
        // The work tree is shared with concurrent builds: measure private copies of what was just built.
        Path stage = work.resolve("stage");
        Files.createDirectories(stage);
        agent = copyStable(agent, stage.resolve("lazarus-agent.jar"));
        apps = copyStable(apps, stage.resolve("lazarus-sample-apps.jar"));
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path e = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(e)) {
                Path copy = stage.resolve("classes-" + cp.length());
                copyTree(e, copy);
                e = copy;
            }
            cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(e);
        }
        SnapshotFigures f = new SnapshotFigures(agent, apps, work, out, quick, cp.toString());
        f.header();
        long t0 = System.nanoTime();
        List<String> parts = List.of(only.split(","));
        if (parts.contains("rates")) {
            f.section("rates", f::rates);
        }
        if (parts.contains("pause")) {
            f.section("pause", () -> f.pause(pauseSizes, zgcSizes));
        }
        if (parts.contains("recovery")) {
            f.section("recovery", f::recovery);
        }
        if (parts.contains("disk")) {
            f.section("disk", () -> f.disk(diskSeconds));
        }
        f.md.append("\n_Whole run: ").append((System.nanoTime() - t0) / 1_000_000_000).append(" s. Raw outputs of the child JVMs (stdout, stderr, GC and safepoint logs, command lines): `")
                .append(Path.of("").toAbsolutePath().relativize(work)).append("/`._\n");
        f.write();
        Jvm.log("wrote " + out);
        if (!f.failures.isEmpty()) {
            Jvm.log("sections that failed: " + f.failures);
            System.exit(1);
        }
    }

    private interface Section {
        void run() throws Exception;
    }

    private void section(String name, Section s) throws IOException {
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        try {
            s.run();
            md.append("\n_This section took ").append((System.nanoTime() - t0) / 1_000_000_000).append(" s; 1-minute load")
                    .append(" average of the machine (").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, shared with other builds and tests) at its start and end: ").append(loadBefore)
                    .append(" → ").append(loadAverage()).append("._\n");
        } catch (Exception | Error e) {
            failures.add(name);
            Jvm.log("section " + name + " failed: " + e);
            e.printStackTrace();
            md.append("\n**The ").append(name).append(" section failed:** `").append(e.toString().replace('\n', ' '))
                    .append("` (see the child outputs in the work directory).\n");
        }
        write();
    }

    private void write() throws IOException {
        Files.writeString(outFile, md.toString());
    }

    private void header() throws IOException, InterruptedException {
        md.append("# Snapshot figures (issue [snapshots])\n\n");
        md.append("Measured by `benchmarks/snapshot-figures.sh` (`dev.lazarus.bench.snapshot.SnapshotFigures`) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(quick ? " (**--quick**)" : "")
                .append(": ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", ").append(memTotal()).append(". Each figure and its baseline come from the same run; the")
                .append(" machine is shared and noisy, so compare within a table rather than across runs.")
                .append(" Child JVMs run with the agent on a fresh data directory, default G1, `-Xms` = `-Xmx`.")
                .append(" MB = 10^6 bytes. Measured build: ").append(gitState()).append("; agent jar sha256 `")
                .append(sha256(agent)).append("…`.\n");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f GiB RAM", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "RAM unknown";
    }

    // ------------------------------------------------------------------ child JVMs

    private List<String> jvmArgs(String name, String heap, Path dir, String agentOptions, String... extra) {
        List<String> args = new ArrayList<>(Jvm.CHRONICLE_FLAGS);
        args.addAll(List.of(heap.split(" ")));
        args.add("-Xlog:gc,safepoint:file=" + work.resolve(name + "-gc.log"));
        if (dir != null) {
            args.add("-javaagent:" + agent + "=dir=" + dir + agentOptions);
        }
        args.addAll(List.of(extra));
        return args;
    }

    private Jvm child(String name, String heap, Path dir, String agentOptions, String... args) throws IOException {
        return Jvm.start(work, name, jvmArgs(name, heap, dir, agentOptions), classPath, CHILD, List.of(args));
    }

    // ------------------------------------------------------------------ 1. rates

    private void rates() throws Exception {
        long n = quick ? 100_000 : 1_000_000;
        int rounds = 3;
        Path dir = work.resolve("rates-data");
        Path kryoFile = work.resolve("rates-kryo.bin");
        String heap = "-Xms4g -Xmx4g";
        Jvm run = child("rates", heap, dir, NO_AUTO_SNAPSHOTS, "rates", Long.toString(n), kryoFile.toString(),
                Integer.toString(rounds)).await(1200);
        Jvm load = child("rates-load", heap, dir, NO_AUTO_SNAPSHOTS, "load", kryoFile.toString(), Long.toString(n)).await(600);

        var figs = run.figs();
        var build = figs.get("build").get(0);
        var fromLog = figs.get("checkpoint").get(0);
        List<Map<String, String>> rs = figs.get("checkpoint").subList(1, figs.get("checkpoint").size());
        List<Map<String, String>> ks = figs.get("kryo");
        double objects = d(rs.get(0), "objects");
        double bytes = median(rs, "bytes");
        double writeMs = median(rs, "writeMillis");
        double loadMs = median(rs, "loadMillis");
        double kObjects = d(ks.get(0), "objects");
        double kBytes = median(ks, "bytes");
        double kWrite = median(ks, "writeMs");
        double kSync = median(ks, "syncMs");
        double kRead = median(ks, "readMs");
        String line = recoveryLine(load.stderr());
        double recLoad = num(line, "snapshot load (\\d+) ms");
        double kCold = d(load.figs().get("kryoCold").get(0), "readMs");

        md.append("\n## 1. Snapshot write and load against raw Kryo, ").append(count(n)).append(" tracked objects\n\n");
        md.append("The graph: a root `Store` holding a tracked `HashMap<Long, Item>` of ").append(count(n))
                .append(" `@Durable Item`s (two `long`s and an `int`). Lazarus: `Lazarus.checkpoint()` on the calling")
                .append(" thread, ").append(rounds).append(" times after a first snapshot (each loads the previous snapshot")
                .append(" into a shadow graph, replays the 1,000 writes made since, and writes the new file: the agent's own")
                .append(" breakdown, read from its `Snapshotter`), then a restart whose recovery line gives the load.")
                .append(" Baseline in the same JVMs: raw Kryo 5.6.2 (no references, registered classes, `FieldSerializer`,")
                .append(" default `MapSerializer`) writing the same items as plain objects (`PlainStore`/`PlainItem`) to a")
                .append(" file that is forced like a snapshot, and reading it back; after the restart, the cold Kryo read runs")
                .append(" first in the fresh JVM, then recovery. Medians of ").append(rounds).append(" rounds; `System.gc()` before each.\n\n");
        md.append("| operation | objects | file size | time | objects/s | MB/s | Lazarus ÷ Kryo (time) |\n|---|---:|---:|---:|---:|---:|---:|\n");
        rateRow("Lazarus snapshot write (traverse, encode, write, fsync, rename)", objects, bytes, writeMs, kWrite);
        rateRow("raw Kryo write + fsync (fsync " + ms(kSync) + ")", kObjects, kBytes, kWrite, Double.NaN);
        rateRow("Lazarus snapshot load, warm JVM (CRC pass + rebuild, inside a checkpoint)", objects, bytes, loadMs, kRead);
        rateRow("raw Kryo read, warm JVM", kObjects, kBytes, kRead, Double.NaN);
        rateRow("Lazarus snapshot load at recovery, fresh JVM (recovery line)", objects, bytes, recLoad, kCold);
        rateRow("raw Kryo read, fresh JVM (same restart, before recovery)", kObjects, kBytes, kCold, Double.NaN);
        md.append("\nWhole checkpoints in that run: the first (no previous snapshot: replays the ")
                .append(count(d(fromLog, "records"))).append(" records of the initial load) took ").append(ms(d(fromLog, "wallMs")))
                .append(" (replay ").append(ms(d(fromLog, "replayMillis"))).append(", write ").append(ms(d(fromLog, "writeMillis")))
                .append("); the next ones ");
        for (int i = 0; i < rs.size(); i++) {
            md.append(i == 0 ? "" : ", ").append(ms(d(rs.get(i), "wallMs")));
        }
        md.append(" (load + replay + write). Attaching the ").append(count(n)).append(" objects in the first place (tracked")
                .append(" `put`s in `@Atomic` batches of 1,000) ran at ").append(count(d(build, "objectsPerSec"))).append(" objects/s.")
                .append(" Snapshot file ").append(mb(bytes)).append(" vs Kryo ").append(mb(kBytes))
                .append(" (").append(String.format(Locale.ROOT, "%.1f", bytes / kBytes)).append("×: a snapshot is a sequence of")
                .append(" log records, NEW + IMAGE per object with field numbers, plus one RESET record for the map).\n");
        md.append("\nRecovery line: `").append(line).append("`\n");
        appendCheckpointErrors(run);
    }

    private void rateRow(String what, double objects, double bytes, double millis, double baselineMillis) {
        md.append("| ").append(what).append(" | ").append(count(objects)).append(" | ").append(mb(bytes)).append(" | ")
                .append(ms(millis)).append(" | ").append(count(objects / (millis / 1000))).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f", bytes / 1e6 / (millis / 1000))).append(" | ")
                .append(Double.isNaN(baselineMillis) ? "1 (baseline)" : String.format(Locale.ROOT, "**%.1f×**", millis / baselineMillis))
                .append(" |\n");
    }

    private void appendCheckpointErrors(Jvm run) throws IOException {
        List<String> errors = run.stdoutLines().stream().filter(l -> l.startsWith("CHECKPOINT-ERROR")).toList();
        long failed = run.figs().getOrDefault("checkpoint", List.of()).stream().filter(m -> "yes".equals(m.get("error"))).count();
        if (failed > 0) {
            md.append("\n**`Lazarus.checkpoint()` threw** in ").append(failed).append(" of ")
                    .append(run.figs().get("checkpoint").size()).append(" calls, after the snapshot file was complete (the figures above")
                    .append(" are those of the snapshot it had written): ");
            for (String e : errors) {
                md.append('`').append(e.substring("CHECKPOINT-ERROR ".length())).append("` ");
            }
            md.append("(see Observations).\n");
        }
    }

    // ------------------------------------------------------------------ 2. pause

    private void pause(long[] sizes, long[] zgcSizes) throws Exception {
        md.append("\n## 2. App-visible pause while a snapshot is taken\n\n");
        md.append("A mutator thread makes tracked writes (`item.value = v` on random items: one logged SET each) at a paced")
                .append(" 100,000 writes/s (bursts of 50, then `parkNanos`), timing each write with `System.nanoTime()` into")
                .append(" HdrHistograms, and its *stall*: how long the thread was away beyond the end of its park (or of its previous")
                .append(" burst): this sees every stop of the thread, including GC pauses that fall between writes and")
                .append(" descheduling by the OS; its floor is the park overshoot, ~0.1 ms.")
                .append(" After a first snapshot (setup: later ones start from it, as in steady state) and 5 s without")
                .append(" snapshots, the main thread calls `Lazarus.checkpoint()` back to back (20 ms apart), then 5 s without.")
                .append(" A write counts as *during a snapshot* if a checkpoint was running when it started or ended;")
                .append(" 100 ms windows likewise. Longest GC pauses from the JVM's GC notifications.\n\n");
        md.append("| tracked objects | heap | snapshots in the run: count, each | write latency p99.9 / max, during snapshots | write latency p99.9 / max, no snapshot | thread stall p99.9 / max, during | thread stall p99.9 / max, no snapshot | longest GC pause during / no snapshot |\n");
        md.append("|---:|---|---|---:|---:|---:|---:|---:|\n");
        StringBuilder details = new StringBuilder();
        List<long[]> runs = new ArrayList<>(); // {objects, 1 if ZGC}
        for (long n : sizes) {
            runs.add(new long[] {n, 0});
        }
        for (long n : zgcSizes) {
            runs.add(new long[] {n, 1});
        }
        for (long[] r : runs) {
            long n = r[0];
            boolean z = r[1] == 1;
            String heap = (n >= 5_000_000 ? "-Xms12g -Xmx12g" : n >= 500_000 ? "-Xms4g -Xmx4g" : "-Xms1g -Xmx1g")
                    + (z ? " -XX:+UseZGC" : "");
            int minCkpts = n >= 5_000_000 ? 2 : n >= 500_000 ? 3 : 5;
            double minCkptS = n >= 5_000_000 ? 0 : 5;
            String name = "pause-" + n + (z ? "-zgc" : "");
            Jvm run;
            try {
                run = child(name, heap, work.resolve(name + "-data"), NO_AUTO_SNAPSHOTS, "pause", Long.toString(n), "5",
                        Integer.toString(minCkpts), Double.toString(minCkptS), "100000").await(1800);
            } catch (IllegalStateException e) {
                md.append("| ").append(count(n)).append(z ? " (ZGC)" : "").append(" | ").append(heap).append(" | **failed**: `")
                        .append(e.getMessage().lines().findFirst().orElse("")).append("` | | | | | |\n");
                failures.add("pause " + n);
                continue;
            }
            var figs = run.figs();
            Map<String, Map<String, String>> lat = new java.util.HashMap<>();
            for (var m : figs.get("latency")) {
                lat.put(m.get("name"), m);
            }
            var sum = figs.get("pauseSummary").get(0);
            List<Map<String, String>> cks = figs.get("checkpoint");
            StringBuilder each = new StringBuilder();
            int live = 0;
            List<Double> durations = new ArrayList<>();
            for (var c : cks) {
                if (c.get("label").startsWith("live")) {
                    live++;
                    durations.add(d(c, "wallMs"));
                }
            }
            each.append(live).append(", ");
            if (live <= 4) {
                for (int i = 0; i < durations.size(); i++) {
                    each.append(i == 0 ? "" : " / ").append(ms(durations.get(i)));
                }
            } else {
                durations.sort(null);
                each.append(ms(durations.get(0))).append(" – ").append(ms(durations.get(durations.size() - 1)))
                        .append(" (median ").append(ms(durations.get(durations.size() / 2))).append(")");
            }
            md.append("| ").append(count(n)).append(z ? " (ZGC)" : "").append(" | ").append(heap).append(" | ").append(each)
                    .append(" | ").append(us(lat.get("opIn"), "p999Us")).append(" / **").append(us(lat.get("opIn"), "maxUs"))
                    .append("** | ").append(us(lat.get("opOut"), "p999Us")).append(" / ").append(us(lat.get("opOut"), "maxUs"))
                    .append(" | ").append(us(lat.get("lateIn"), "p999Us")).append(" / **").append(us(lat.get("lateIn"), "maxUs"))
                    .append("** | ").append(us(lat.get("lateOut"), "p999Us")).append(" / ").append(us(lat.get("lateOut"), "maxUs"))
                    .append(" | ").append(ms(d(sum, "gcMaxInMs"))).append(" / ").append(ms(d(sum, "gcMaxOutMs"))).append(" |\n");

            details.append("\n**").append(count(n)).append(" objects").append(z ? ", ZGC" : "").append("** — setup snapshot (from the log, no mutator): ");
            var setup = cks.get(0);
            details.append(ms(d(setup, "wallMs"))).append(" (replay ").append(ms(d(setup, "replayMillis"))).append(", write ")
                    .append(ms(d(setup, "writeMillis"))).append("). Snapshots under load: ");
            for (var c : cks.subList(1, Math.min(cks.size(), 4))) {
                details.append(ms(d(c, "wallMs"))).append(" (load ").append(ms(d(c, "loadMillis"))).append(", replay ")
                        .append(count(d(c, "records"))).append(" records in ").append(ms(d(c, "replayMillis"))).append(", write ")
                        .append(ms(d(c, "writeMillis"))).append(")").append("; ");
            }
            if (cks.size() > 4) {
                details.append("… ");
            }
            details.append("Writes timed: ").append(count(d(lat.get("opIn"), "count"))).append(" during, ")
                    .append(count(d(lat.get("opOut"), "count"))).append(" outside; p50 ").append(us(lat.get("opIn"), "p50Us"))
                    .append(" / ").append(us(lat.get("opOut"), "p50Us")).append(", p99.99 ").append(us(lat.get("opIn"), "p9999Us"))
                    .append(" / ").append(us(lat.get("opOut"), "p9999Us")).append(". 100 ms windows: ");
            for (var w : figs.getOrDefault("windows", List.of())) {
                details.append(w.get("count")).append(Boolean.parseBoolean(w.get("snapshot")) ? " during" : " outside")
                        .append(" (median of the window maxima ").append(us(w, "medianMaxOpUs")).append(" write, ")
                        .append(us(w, "medianMaxStallUs")).append(" stall); ");
            }
            details.append("GCs: ").append(sum.get("gcCountIn")).append(" during, ").append(sum.get("gcCountOut")).append(" outside.");
            details.append(" Worst windows (by write latency):");
            for (var w : figs.getOrDefault("worstWindow", List.of())) {
                details.append(" [t=").append(w.get("atMs")).append(" ms, ").append(Boolean.parseBoolean(w.get("snapshot")) ? "during" : "outside")
                        .append(", write max ").append(us(w, "maxOpUs")).append(", stall max ").append(us(w, "maxLateUs"))
                        .append(", GC in window ").append(ms(d(w, "gcMsInWindow")));
                if (d(w, "slowBurstMs") > 0) {
                    details.append(", slowest burst ").append(String.format(Locale.ROOT, "%.1f ms wall / %.1f ms on CPU",
                            d(w, "slowBurstMs"), d(w, "slowBurstCpuMs")));
                }
                details.append(", preempted ").append(w.get("involuntarySwitches")).append("× for ")
                        .append(String.format(Locale.ROOT, "%.1f ms", d(w, "runQueueWaitMs"))).append(" in all]");
            }
            details.append(". Worst windows by stall:");
            for (var w : figs.getOrDefault("worstStall", List.of())) {
                double stall = d(w, "maxLateUs") / 1000;
                double gc = d(w, "gcMaxMs");
                details.append(" [t=").append(w.get("atMs")).append(" ms, ").append(Boolean.parseBoolean(w.get("snapshot")) ? "during" : "outside")
                        .append(", stall ").append(ms(stall)).append(": ")
                        .append(gc >= stall * 0.8 ? "a GC pause of " + ms(gc) : "no GC pause covers it (GC in window " + ms(d(w, "gcMsInWindow"))
                                + "), run-queue wait in the window " + String.format(Locale.ROOT, "%.1f ms", d(w, "runQueueWaitMs")))
                        .append("]");
            }
            details.append('.');
            List<Map<String, String>> gcs = figs.getOrDefault("gc", List.of());
            if (!gcs.isEmpty()) {
                details.append(" GC pauses ≥ 20 ms:");
                for (var g : gcs) {
                    details.append(' ').append(ms(d(g, "ms"))).append(Boolean.parseBoolean(g.get("snapshot")) ? " (during)" : " (outside)");
                }
            }
            details.append('\n');
            long failed = cks.stream().filter(m -> "yes".equals(m.get("error"))).count();
            if (failed > 0) {
                details.append("`Lazarus.checkpoint()` threw in ").append(failed).append(" of ").append(cks.size())
                        .append(" calls after writing the snapshot (see Observations).\n");
            }
            write();
        }
        md.append("\nDetails:\n").append(details);
    }

    // ------------------------------------------------------------------ 3. recovery

    private static final Pattern RECOVERED = Pattern.compile("Lazarus recovered .*");

    private void recovery() throws Exception {
        long n = quick ? 100_000 : 1_000_000;
        long m = quick ? 100_000 : 1_000_000;
        int open = 1000;
        Path dir = work.resolve("recovery-data");
        String heap = "-Xms4g -Xmx4g";
        Jvm crash = child("recovery-crash", heap, dir, NO_AUTO_SNAPSHOTS, "crash", Long.toString(n), Long.toString(m),
                Integer.toString(open));
        crash.awaitLine("READY", 1200);
        crash.kill9();
        Jvm rec = child("recovery-restart", heap, dir, NO_AUTO_SNAPSHOTS, "recover", Long.toString(n), Long.toString(m))
                .await(1200);
        var cf = crash.figs();
        long position = Long.parseLong(cf.get("checkpoint").get(0).get("position"));
        Jvm tail = Jvm.start(work, "recovery-raw-tailer", jvmArgs("recovery-raw-tailer", heap, null, ""), classPath,
                RawTailer.class.getName(), List.of(dir.resolve("log").toString(), Long.toString(position))).await(600);

        String line = recoveryLine(rec.stderr());
        double total = num(line, "in (\\d+) ms \\(");
        double detect = num(line, "T_detect (\\d+) ms");
        double rollback = num(line, "T_rollback (\\d+) ms");
        double redo = num(line, "T_redo (\\d+) ms");
        double load = num(line, "snapshot load (\\d+) ms");
        double records = num(line, "of (\\d+) log records");
        double applied = num(line, "and (\\d+) of \\d+ log records");
        var check = rec.figs().get("recovered").get(0);
        Map<String, String> raw1 = null;
        Map<String, String> raw2 = null;
        Map<String, String> rawAll = null;
        for (var r : tail.figs().get("rawTailer")) {
            String label = r.get("label");
            if (label.endsWith("pass_1")) {
                raw1 = r;
            } else if (label.endsWith("pass_2")) {
                raw2 = r;
            } else {
                rawAll = r;
            }
        }
        double replayMs = detect + redo - load; // both passes over the log, without the snapshot load
        md.append("\n## 3. Recovery: ").append(count(n)).append(" objects, ").append(count(m)).append(" log records after the snapshot, `kill -9`\n\n");
        md.append("The child attaches ").append(count(n)).append(" items, takes a snapshot, makes ").append(count(m))
                .append(" auto-commit tracked writes (one SET record each, ").append(count(d(cf.get("writes").get(0), "perSec")))
                .append(" writes/s), then opens an `@Atomic` call that writes ").append(open)
                .append(" more and blocks; the parent runs `kill -9 <pid>` and restarts it on the same directory. Recovery")
                .append(" check after the restart: ").append(check.get("check")).append(" (").append(check.get("objects"))
                .append(" items, highest value ").append(check.get("maxValue")).append(" as written, ")
                .append(check.get("uncommittedSeen")).append(" values of the open transaction visible). Baseline: a raw")
                .append(" Chronicle tailer (the app's own Chronicle, fresh JVM, no agent) reading the same log files after the")
                .append(" snapshot's position, copying each record out.\n\n");
        md.append("| T_recovery | T_detect (pass 1) | T_rollback | T_redo | of which snapshot load | records after snapshot (applied) | transactions rolled back |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append("| **").append(ms(total)).append("** | ").append(ms(detect)).append(" | ").append(ms(rollback)).append(" | ")
                .append(ms(redo)).append(" | ").append(ms(load)).append(" | ").append(count(records)).append(" (")
                .append(count(applied)).append(") | ").append((long) num(line, "(\\d+) transactions? rolled back")).append(" |\n\n");
        md.append("| reading the log after the snapshot | records | time | records/s | ÷ raw tailer (time) |\n|---|---:|---:|---:|---:|\n");
        double rawMs = d(raw1, "ms");
        replayRow("Lazarus replay, both passes (T_detect + T_redo − load)", records, replayMs, rawMs);
        replayRow("Lazarus pass 1 alone (T_detect: scan, CRC, transaction table)", records, detect, rawMs);
        replayRow("Lazarus pass 2 alone (apply: decode, reflection)", records, redo - load, rawMs);
        replayRow("raw Chronicle tailer, fresh JVM (first pass)", d(raw1, "records"), rawMs, Double.NaN);
        replayRow("raw Chronicle tailer, second pass", d(raw2, "records"), d(raw2, "ms"), rawMs);
        md.append("\n(The raw tailer also read the whole log, ").append(count(d(rawAll, "records"))).append(" records, at ")
                .append(count(d(rawAll, "recordsPerSec"))).append(" records/s.) Recovery line: `").append(line).append("`\n");
    }

    private void replayRow(String what, double records, double millis, double baseline) {
        md.append("| ").append(what).append(" | ").append(count(records)).append(" | ").append(ms(millis)).append(" | ")
                .append(count(records / (millis / 1000))).append(" | ")
                .append(Double.isNaN(baseline) ? "1 (baseline)" : String.format(Locale.ROOT, "%.1f×", millis / baseline)).append(" |\n");
    }

    // ------------------------------------------------------------------ 4. disk

    private void disk(int seconds) throws Exception {
        Path dir = work.resolve("disk-data");
        String options = ",snapshotLogBytes=4m";
        List<String> args = jvmArgs("disk-bank", "-Xms1g -Xmx1g", dir, options, "-Ddev.lazarus.rollCycle=TEST_SECONDLY");
        List<String> appArgs = List.of("--accounts", "1000", "--tellers", "2", "--quiet");
        Jvm bank = Jvm.start(work, "disk-bank", args, sampleApps.toString(), "dev.lazarus.sample.bank.BankApp", appArgs);
        List<long[]> samples = new ArrayList<>(); // t ms, log KiB, snapshots KiB, log files, snapshot files
        java.util.Set<String> snapshotsSeen = new java.util.HashSet<>();
        long t0 = System.nanoTime();
        int every = 5;
        while (true) {
            long t = (System.nanoTime() - t0) / 1_000_000;
            if (t > seconds * 1000L) {
                break;
            }
            if (!bank.process.isAlive()) {
                throw new IllegalStateException("the bank ended early; stderr tail:\n" + Jvm.tail(bank.err, 30));
            }
            samples.add(new long[] {t, du(dir.resolve("log")), du(dir.resolve("snapshots")),
                    countFiles(dir.resolve("log"), ".cq4"), countFiles(dir.resolve("snapshots"), ".lzs")});
            if (Files.isDirectory(dir.resolve("snapshots"))) {
                try (var files = Files.list(dir.resolve("snapshots"))) {
                    files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".lzs")).forEach(snapshotsSeen::add);
                }
            }
            long next = t0 + samples.size() * every * 1_000_000_000L;
            long sleep = (next - System.nanoTime()) / 1_000_000;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        bank.kill9();
        long ranMs = (System.nanoTime() - t0) / 1_000_000;
        Jvm check = Jvm.start(work, "disk-bank-restart", jvmArgs("disk-bank-restart", "-Xms1g -Xmx1g", dir, options,
                "-Ddev.lazarus.rollCycle=TEST_SECONDLY"), sampleApps.toString(), "dev.lazarus.sample.bank.BankApp",
                List.of("--check")).await(600);
        String line = recoveryLine(check.stderr());
        String state = check.stdoutLines().stream().filter(l -> l.startsWith("STATE")).findFirst().orElse("(no STATE line)");
        String conserved = check.stdoutLines().stream().filter(l -> l.contains("conserved")).findFirst().orElse("?");
        long transfers = (long) num(state, "transfers=(\\d+)");
        String bankErr = bank.stderr();
        long failedSnapshots = bankErr.lines().filter(l -> l.contains("snapshot failed")).count();

        // trend: median and maximum of each third of the run (the first third includes the start)
        int k = samples.size();
        long[][] thirds = new long[3][];
        for (int t = 0; t < 3; t++) {
            thirds[t] = samples.subList(t * k / 3, (t + 1) * k / 3).stream().mapToLong(x -> x[1] + x[2]).sorted().toArray();
        }
        long[] thirdMax = new long[3];
        long[] thirdMedian = new long[3];
        for (int t = 0; t < 3; t++) {
            thirdMax[t] = thirds[t].length == 0 ? 0 : thirds[t][thirds[t].length - 1];
            thirdMedian[t] = thirds[t].length == 0 ? 0 : thirds[t][thirds[t].length / 2];
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int cnt = 0;
        for (int i = k / 3; i < k; i++) {
            double x = samples.get(i)[0] / 60000.0;
            double y = (samples.get(i)[1] + samples.get(i)[2]) / 1024.0;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            cnt++;
        }
        double slope = cnt > 1 ? (cnt * sxy - sx * sy) / (cnt * sxx - sx * sx) : Double.NaN; // MiB per minute
        StringBuilder csv = new StringBuilder("seconds,log_kib,snapshots_kib,log_files,snapshot_files\n");
        for (long[] x : samples) {
            csv.append(x[0] / 1000.0).append(',').append(x[1]).append(',').append(x[2]).append(',').append(x[3]).append(',')
                    .append(x[4]).append('\n');
        }
        Files.writeString(work.resolve("disk-samples.csv"), csv);
        long maxLog = samples.stream().mapToLong(s -> s[1]).max().orElse(0);
        long maxSnap = samples.stream().mapToLong(s -> s[2]).max().orElse(0);
        long maxTotal = samples.stream().mapToLong(s -> s[1] + s[2]).max().orElse(0);
        long maxLogFiles = samples.stream().mapToLong(s -> s[3]).max().orElse(0);
        long maxSnapFiles = samples.stream().mapToLong(s -> s[4]).max().orElse(0);

        md.append("\n## 4. Disk use under a steady workload (").append(seconds / 60.0 >= 1 ? String.format(Locale.ROOT, "%.0f min", seconds / 60.0) : seconds + " s")
                .append(")\n\n");
        md.append("The bank sample (`BankApp --accounts 1000 --tellers 2 --quiet`: two threads doing `@Atomic` transfers")
                .append(" flat out) under the agent with `snapshotLogBytes=4m` (snapshots by the agent's own trigger) and")
                .append(" `-Ddev.lazarus.rollCycle=TEST_SECONDLY` (one log file per second, so that deleted files show at once);")
                .append(" `du -sk` of `dir/log` and `dir/snapshots` every ").append(every).append(" s. It made ").append(count(transfers))
                .append(" transfers in ").append(ms(ranMs)).append(" (").append(count(transfers / (ranMs / 1000.0)))
                .append(" transfers/s, ~7 log records each), then was killed with `kill -9` and restarted with `--check`: ")
                .append(conserved).append("; `").append(state).append("`.\n\n");
        md.append("| | log (`du`) | snapshots (`du`) | total | log files | snapshot files |\n|---|---:|---:|---:|---:|---:|\n");
        md.append("| **max over the run** | ").append(mib(maxLog)).append(" | ").append(mib(maxSnap)).append(" | **")
                .append(mib(maxTotal)).append("** | ").append(maxLogFiles).append(" | ").append(maxSnapFiles).append(" |\n");
        int step = Math.max(1, 30 / every);
        for (int i = 0; i < k; i += step) {
            long[] s = samples.get(i);
            md.append("| t = ").append(s[0] / 1000).append(" s | ").append(mib(s[1])).append(" | ").append(mib(s[2])).append(" | ")
                    .append(mib(s[1] + s[2])).append(" | ").append(s[3]).append(" | ").append(s[4]).append(" |\n");
        }
        md.append("\nAll samples (s: MiB total): ");
        for (long[] x : samples) {
            md.append(x[0] / 1000).append(": ").append((x[1] + x[2]) / 1024).append(x == samples.get(k - 1) ? "" : ", ");
        }
        md.append(".\n\nTrend: median (max) of the total in each third of the run: ").append(mib(thirdMedian[0])).append(" (")
                .append(mib(thirdMax[0])).append("), ").append(mib(thirdMedian[1])).append(" (").append(mib(thirdMax[1]))
                .append("), ").append(mib(thirdMedian[2])).append(" (").append(mib(thirdMax[2]))
                .append("); least-squares slope of the total over the last two thirds: ")
                .append(String.format(Locale.ROOT, "%+.1f MiB/min", slope)).append(" → ")
                .append(thirdMedian[2] <= thirdMedian[1] * 1.25 + 32 * 1024
                        ? "**bounded** (the last third's median is within 25% of the middle third's)"
                        : "**growing** (the last third's median exceeds the middle third's by more than 25%)").append(". Distinct snapshot files seen by the ").append(every).append(" s samples: ").append(snapshotsSeen.size())
                .append(" (a lower bound of the snapshots taken). Snapshot failures logged by the agent during the run: ")
                .append(failedSnapshots).append(".\n");
        md.append("\nRecovery after the run: `").append(line).append("`\n");
    }

    private static long du(Path p) throws IOException, InterruptedException {
        if (!Files.exists(p)) {
            return 0;
        }
        Process proc = new ProcessBuilder("du", "-sk", p.toString()).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes());
        proc.waitFor();
        try {
            return Long.parseLong(out.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return -1; // a file vanished under du: try at the next sample
        }
    }

    private static long countFiles(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String recoveryLine(String stderr) {
        Matcher m = RECOVERED.matcher(stderr);
        if (!m.find()) {
            throw new IllegalStateException("no recovery line in stderr:\n" + stderr);
        }
        return m.group().trim();
    }

    private static double num(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double d(Map<String, String> m, String key) {
        if (m == null || m.get(key) == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(m.get(key));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double median(List<Map<String, String>> rows, String key) {
        double[] v = rows.stream().mapToDouble(r -> d(r, key)).sorted().toArray();
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String count(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 10_000 ? String.format(Locale.ROOT, "%.1f s", v / 1000) : String.format(Locale.ROOT, "%,.0f ms", v);
    }

    private static String us(Map<String, String> m, String key) {
        double v = d(m, key);
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v >= 1000) {
            return ms(v / 1000);
        }
        return v >= 10 ? String.format(Locale.ROOT, "%.0f µs", v) : String.format(Locale.ROOT, "%.1f µs", v);
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    private static String opt(List<String> args, String name, String def) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : def;
    }

    /** Copies a jar that a concurrent build may be rewriting: retries until two reads agree. */
    private static Path copyStable(Path from, Path to) throws IOException, InterruptedException {
        for (int i = 0; i < 60; i++) {
            try {
                byte[] a = Files.readAllBytes(from);
                Thread.sleep(200);
                byte[] b = Files.readAllBytes(from);
                if (Arrays.equals(a, b) && a.length > 0) {
                    new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(a)).getNextEntry(); // a complete jar
                    Files.write(to, a);
                    return to;
                }
            } catch (IOException e) {
                // being rewritten: try again
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("cannot get a stable copy of " + from);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static String sha256(Path file) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(d).substring(0, 16);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "?";
        }
    }

    /** The commit and the uncommitted changes of the measured code (the work tree is shared). */
    private static String gitState() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            p = new ProcessBuilder("git", "status", "--short", "--", "runtime/src/main", "agent/src/main")
                    .redirectErrorStream(true).start();
            List<String> dirty = new String(p.getInputStream().readAllBytes()).lines().map(String::trim).toList();
            p.waitFor();
            return "commit `" + head + "`" + (dirty.isEmpty() ? ", no uncommitted change to runtime/agent sources"
                    : ", with uncommitted changes (of other sessions) to " + dirty.stream().map(l -> "`" + l.substring(l.indexOf(' ') + 1).trim()
                    .replaceAll("^.*/", "") + "`").distinct().toList().toString().replaceAll("[\\[\\]]", ""));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "git state unknown";
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
