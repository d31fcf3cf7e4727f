package dev.lazarus.bench.ring;

import dev.lazarus.internal.ring.HashRing;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the hash ring (issue #6): the simulation ({@link RingSimulation}) and the lookup times
 * ({@link RingLookupBenchmark}, JMH), baselines in the same run, written to one Markdown file.
 * Run from the project root (see {@code benchmarks/ring-figures.sh}):
 * <pre>java -cp "runtime/target/classes:benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.lazarus.bench.ring.RingFigures
 *      [--quick] [--keys 10000000] [--only simulation,lookup] [--out benchmarks/results/ring.md]</pre>
 */
public final class RingFigures {
    private static final int[] VIRTUAL_NODES = {16, 64, 128, 256, 512, 1024};
    private static final int[] MEMBERS = {10, 100, 1000};
    private static final double[] EPSILONS = {0.10, 0.25};

    private RingFigures() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        int keys = Integer.parseInt(opt(a, "--keys", quick ? "1000000" : "10000000"));
        List<String> only = List.of(opt(a, "--only", "simulation,lookup").split(","));
        Path out = Path.of(opt(a, "--out", "benchmarks/results/ring.md")).toAbsolutePath();
        Files.createDirectories(out.getParent());
        StringBuilder md = new StringBuilder("# Hash ring figures (issue #6)\n\n");
        md.append("Measured by `benchmarks/ring-figures.sh` (`dev.lazarus.bench.ring.RingFigures`) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(quick ? " (**--quick**)" : "")
                .append(": ").append(Runtime.getRuntime().availableProcessors()).append(" cores shared with other builds, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(". The ring and its baselines (jump consistent hash, rendezvous hashing, both written for this")
                .append(" benchmark in `dev.lazarus.bench.ring`) come from the same run. `HashRing.DEFAULT_VIRTUAL_NODES` = ")
                .append(HashRing.DEFAULT_VIRTUAL_NODES).append(".\n");
        long t0 = System.nanoTime();
        RingSimulation sim = null;
        if (only.contains("simulation")) {
            sim = new RingSimulation(VIRTUAL_NODES, MEMBERS, EPSILONS, keys, quick ? 50_000_000L : 300_000_000L, 2, 2);
            md.append(sim.run());
            md.append("\n_The simulation took ").append((System.nanoTime() - t0) / 1_000_000_000).append(" s._\n");
            Files.writeString(out, md);
        }
        if (only.contains("lookup")) {
            long t1 = System.nanoTime();
            md.append(lookups(quick));
            md.append("\n_The lookup benchmark took ").append((System.nanoTime() - t1) / 1_000_000_000).append(" s._\n");
        }
        if (sim != null) {
            md.append(goals(sim));
        }
        Files.writeString(out, md);
        RingSimulation.log("wrote " + out);
    }

    private static String lookups(boolean quick) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(RingLookupBenchmark.class.getName() + "\\..*")
                .forks(1)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx256m")
                .shouldFailOnError(true)
                .build()).run();
        // method -> members -> "score ± error"
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (String m : List.of("ringOwner", "ringOwners2", "jumpOwner", "rendezvousOwner", "rendezvousOwners2", "keyHashOfString")) {
            table.put(m, new TreeMap<>());
        }
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String method = name.substring(name.lastIndexOf('.') + 1);
            var s = r.getPrimaryResult();
            table.get(method).put(r.getParams().getParam("members"),
                    String.format(Locale.ROOT, "%.1f ± %.1f", s.getScore(), s.getScoreError()));
        }
        StringBuilder md = new StringBuilder("\n## Lookup time\n\n");
        md.append("JMH, average time per call in ns (± the 99.9% error), 1 fork, ").append(quick ? "1 warm-up and 2" : "2 warm-up and 3")
                .append(" measured iterations of 1 s, one thread; the ring with the default virtual nodes. Each call looks up the next")
                .append(" of 16,384 random key hashes (`KeyHash.of` of 13-character String keys).\n\n");
        md.append("| lookup | 10 members | 1,000 members |\n|---|---:|---:|\n");
        Map<String, String> labels = Map.of(
                "ringOwner", "ring `owner(hash)`",
                "ringOwners2", "ring `owners(hash, 2)` (preference list)",
                "jumpOwner", "jump consistent hash, owner (baseline)",
                "rendezvousOwner", "rendezvous hashing, owner (baseline)",
                "rendezvousOwners2", "rendezvous hashing, top 2 (baseline)",
                "keyHashOfString", "`KeyHash.of(String)`");
        table.forEach((m, byMembers) -> md.append("| ").append(labels.get(m)).append(" | ")
                .append(byMembers.getOrDefault("10", "–")).append(" | ").append(byMembers.getOrDefault("1000", "–")).append(" |\n"));
        return md.toString();
    }

    private static String goals(RingSimulation sim) {
        StringBuilder md = new StringBuilder("\n## The default number of virtual nodes\n\n");
        md.append("| virtual nodes | 10 members: max/avg, mean of ").append(RingSimulation.CLUSTERS_OF_10)
                .append(" clusters | worst cluster | ring size at 1,000 members |\n|---:|---:|---:|---:|\n");
        sim.spreadAt10.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> md.append("| ").append(e.getKey())
                .append(e.getKey() == HashRing.DEFAULT_VIRTUAL_NODES ? " (default)" : "").append(" | ")
                .append(RingSimulation.f3(e.getValue()[0])).append(" | ").append(RingSimulation.f3(e.getValue()[1])).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f MB", e.getKey() * 1000 * 12 / 1e6)).append(" |\n"));
        return md.toString();
    }

    private static String opt(List<String> a, String name, String def) {
        int i = a.indexOf(name);
        return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : def;
    }
}
