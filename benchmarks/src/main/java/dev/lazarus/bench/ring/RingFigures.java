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
        Map<String, Map<String, double[]>> lookup = null;
        if (only.contains("simulation")) {
            sim = new RingSimulation(VIRTUAL_NODES, MEMBERS, EPSILONS, keys, quick ? 50_000_000L : 300_000_000L, 2, 2);
            md.append(sim.run());
            md.append("\n_The simulation took ").append((System.nanoTime() - t0) / 1_000_000_000).append(" s._\n");
            Files.writeString(out, md);
        }
        if (only.contains("lookup")) {
            long t1 = System.nanoTime();
            lookup = lookups(quick);
            md.append(lookupTable(lookup, quick));
            md.append("\n_The lookup benchmark took ").append((System.nanoTime() - t1) / 1_000_000_000).append(" s._\n");
        }
        if (sim != null) {
            md.append(defaultTable(sim));
        }
        md.append(goals(sim, lookup));
        Files.writeString(out, md);
        RingSimulation.log("wrote " + out);
    }

    /** JMH's scores: method → members → {ns per call, error}. */
    private static Map<String, Map<String, double[]>> lookups(boolean quick) throws RunnerException {
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
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        for (String m : LABELS.keySet()) {
            scores.put(m, new TreeMap<>());
        }
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            var s = r.getPrimaryResult();
            scores.get(name.substring(name.lastIndexOf('.') + 1))
                    .put(r.getParams().getParam("members"), new double[] {s.getScore(), s.getScoreError()});
        }
        return scores;
    }

    private static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("ringOwner", "ring `owner(hash)`");
        l.put("ringOwners2", "ring `owners(hash, 2)` (preference list)");
        l.put("jumpOwner", "jump consistent hash, owner (baseline)");
        l.put("rendezvousOwner", "rendezvous hashing, owner (baseline)");
        l.put("rendezvousOwners2", "rendezvous hashing, top 2 (baseline)");
        l.put("keyHashOfString", "`KeyHash.of(String)`");
        return l;
    }

    private static String lookupTable(Map<String, Map<String, double[]>> scores, boolean quick) {
        StringBuilder md = new StringBuilder("\n## Lookup time\n\n");
        md.append("JMH, average time per call in ns (± the 99.9% error), 1 fork, ").append(quick ? "1 warm-up and 2" : "2 warm-up and 3")
                .append(" measured iterations of 1 s, one thread; the ring with the default ").append(HashRing.DEFAULT_VIRTUAL_NODES)
                .append(" virtual nodes. Each call looks up the next of 16,384 random key hashes (`KeyHash.of`: the next of")
                .append(" 16,384 String keys of 13 characters, `user:` and 8 digits).\n\n");
        md.append("| lookup | 10 members | 1,000 members |\n|---|---:|---:|\n");
        scores.forEach((m, byMembers) -> md.append("| ").append(LABELS.get(m)).append(" | ")
                .append(ns(byMembers.get("10"))).append(" | ").append(ns(byMembers.get("1000"))).append(" |\n"));
        return md.toString();
    }

    private static String ns(double[] scoreAndError) {
        return scoreAndError == null ? "–" : String.format(Locale.ROOT, "%.1f ± %.1f", scoreAndError[0], scoreAndError[1]);
    }

    private static String goals(RingSimulation sim, Map<String, Map<String, double[]>> lookup) {
        StringBuilder md = new StringBuilder("\n## Goals\n\n| goal | target | measured |\n|---|---|---|\n");
        if (sim != null) {
            double[] at10 = sim.spreadAt10.get(HashRing.DEFAULT_VIRTUAL_NODES);
            md.append("| spread at 10 members, default virtual nodes | max/avg ≤ 1.10 | ").append(RingSimulation.f3(at10[0]))
                    .append(" (mean of ").append(RingSimulation.CLUSTERS_OF_10).append(" clusters), ")
                    .append(RingSimulation.f3(at10[1])).append(" (worst) |\n");
            StringBuilder moves = new StringBuilder();
            sim.movesAtDefault.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> moves
                    .append(moves.length() == 0 ? "" : "; ").append(e.getKey()).append(" members: join ")
                    .append(RingSimulation.f3(e.getValue()[0])).append(" (worst ").append(RingSimulation.f3(e.getValue()[1]))
                    .append("), leave ").append(RingSimulation.f3(e.getValue()[2])).append(" (worst ")
                    .append(RingSimulation.f3(e.getValue()[3])).append("), needless moves ")
                    .append(RingSimulation.count((long) e.getValue()[4])));
            md.append("| keys moved on join and leave, default virtual nodes (moved ÷ optimum, mean of the events) | ≤ 1.05 × optimum | ")
                    .append(moves).append(" |\n");
        }
        if (lookup != null) {
            md.append("| lookup | ≤ 100 ns | `owner` ").append(ns(lookup.get("ringOwner").get("10"))).append(" ns at 10 members, ")
                    .append(ns(lookup.get("ringOwner").get("1000"))).append(" ns at 1,000; `owners(…, 2)` ")
                    .append(ns(lookup.get("ringOwners2").get("10"))).append(" / ").append(ns(lookup.get("ringOwners2").get("1000")))
                    .append(" ns |\n");
        }
        return md.toString();
    }

    private static String defaultTable(RingSimulation sim) {
        StringBuilder md = new StringBuilder("\n## The default number of virtual nodes\n\n");
        md.append("| virtual nodes | 10 members: max/avg, mean of ").append(RingSimulation.CLUSTERS_OF_10)
                .append(" clusters | worst cluster | ring size at 1,000 members |\n|---:|---:|---:|---:|\n");
        sim.spreadAt10.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> md.append("| ").append(e.getKey())
                .append(e.getKey() == HashRing.DEFAULT_VIRTUAL_NODES ? " (default)" : "").append(" | ")
                .append(RingSimulation.f3(e.getValue()[0])).append(" | ").append(RingSimulation.f3(e.getValue()[1])).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f MB", e.getKey() * 1000 * 16 / 1e6)).append(" |\n"));
        return md.toString();
    }

    private static String opt(List<String> a, String name, String def) {
        int i = a.indexOf(name);
        return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : def;
    }
}
