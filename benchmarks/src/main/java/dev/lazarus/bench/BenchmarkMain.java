package dev.lazarus.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every benchmark of the issue in one go and writes {@code benchmarks/results/benchmarks.md},
 * {@code benchmarks.csv} and {@code benchmarks.png}. Every comparison is measured in the same run
 * as its baseline. Forked JVMs run with the agent where Lazarus is measured, each on a fresh data
 * directory. Run it through {@code benchmarks/run.sh}, from the repository's root:
 *
 * <pre>
 * benchmarks/run.sh            # every default section, under 20 minutes on 2 cores
 * benchmarks/run.sh --quick    # a subset with shorter runs and smaller sizes, under 3 minutes
 * options: --only=write,bank,overhead,recovery,footprint,snapshot   --profile (JFR recording per JMH fork, in target/bench-logs)
 *          --bank=tool/durability,... (only those bank configurations, e.g. lazarus/force,sqlite/force)
 *          --snapshot=rates,pause,recovery,disk (only those snapshot figures)
 *          --results=DIR (default benchmarks/results)   --report=NAME (default benchmarks: NAME.md, .csv, .png)
 * </pre>
 *
 * The snapshot section runs only when named in {@code --only}: it takes about 15 minutes and its
 * 10M-object pause run needs ~13 GB of RAM, beyond the default run's budget.
 */
public final class BenchmarkMain {
    private static final List<String> DEFAULT = List.of("write", "bank", "overhead", "recovery", "footprint");
    private static final List<String> ALL = List.of("write", "bank", "overhead", "recovery", "footprint", "snapshot");
    /** Sections whose parts can be chosen: {@code --<section>=part,part}. */
    private static final List<String> WITH_PARTS = List.of("bank", "snapshot");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        boolean quick = false;
        boolean profile = false;
        Set<String> only = new TreeSet<>(DEFAULT);
        Path results = Path.of("benchmarks", "results");
        List<String> shown = new ArrayList<>();
        Map<String, Set<String>> parts = new LinkedHashMap<>();
        String report = "benchmarks";
        for (String a : args) {
            if (a.equals("--quick") || a.equals("-Pquick")) {
                quick = true;
                shown.add("--quick");
            } else if (a.equals("--profile")) {
                profile = true;
                shown.add(a);
            } else if (a.startsWith("--only=")) {
                only = new TreeSet<>(List.of(a.substring("--only=".length()).split(",")));
                if (!ALL.containsAll(only)) {
                    throw new IllegalArgumentException("--only takes " + ALL + ", not " + only);
                }
                shown.add(a);
            } else if (a.startsWith("--") && a.contains("=") && WITH_PARTS.contains(a.substring(2, a.indexOf('=')))) {
                parts.put(a.substring(2, a.indexOf('=')), new TreeSet<>(List.of(a.substring(a.indexOf('=') + 1).split(","))));
                shown.add(a);
            } else if (a.startsWith("--results=")) {
                results = Path.of(a.substring("--results=".length()));
            } else if (a.startsWith("--report=")) {
                report = a.substring("--report=".length());
                shown.add(a);
            } else {
                throw new IllegalArgumentException("unknown argument " + a + "; valid: --quick --profile --only=" + ALL
                        + " --bank=... --snapshot=" + SnapshotSection.PARTS + " --results=DIR --report=NAME");
            }
        }
        Path agent = Path.of(System.getProperty("lazarus.agent.jar", "agent/target/lazarus-agent.jar")).toAbsolutePath();
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException("no agent jar at " + agent + ": build it first (benchmarks/run.sh does)");
        }
        Path logs = Path.of("benchmarks", "target", "bench-logs").toAbsolutePath();
        Path work = Files.createTempDirectory("lazarus-bench-");
        Ctx ctx = new Ctx(quick, profile, agent, results.toAbsolutePath(), logs, work);
        ctx.parts.putAll(parts);
        ctx.report = report;
        ctx.machine = Machine.describe(ctx);
        Results res = new Results();
        for (String t : new String[] {WritePathSection.TITLE, BankSection.TITLE, RecoverySection.TITLE, OverheadSection.TITLE,
            SnapshotSection.TITLE}) {
            res.section(t);
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put("write", WritePathSection::run);
        sections.put("bank", BankSection::run);
        sections.put("overhead", OverheadSection::run);
        sections.put("recovery", RecoverySection::run);
        sections.put("footprint", FootprintSection::run);
        sections.put("snapshot", SnapshotSection::run);
        ctx.progress("Lazarus benchmarks, " + (quick ? "quick subset" : "full run") + ": " + only + "; agent " + agent
                + "; JMH logs in " + logs);
        try {
            for (Map.Entry<String, Section> s : sections.entrySet()) {
                if (!only.contains(s.getKey())) {
                    continue;
                }
                ctx.progress("== " + s.getKey());
                try {
                    s.getValue().run(ctx, res);
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    res.problems.add(s.getKey() + " failed: " + e);
                    ctx.progress("== " + s.getKey() + " FAILED: " + e);
                }
            }
        } finally {
            Files2.deleteTree(work);
        }
        res.sections.values().removeIf(b -> b.length() == 0);
        Report.write(ctx, res, shown, ctx.elapsedSeconds() / 60);
        Path chart = Chart.write(ctx, res);
        System.out.println();
        System.out.println(Report.goals(res));
        ctx.progress("Results: " + ctx.result(".md") + ", " + chart + ", "
                + ctx.result(".csv") + (res.problems.isEmpty() ? "" : "; PROBLEMS: " + res.problems));
        if (!res.problems.isEmpty()) {
            System.exit(1);
        }
    }

    /** One part of the run. */
    interface Section {
        void run(Ctx ctx, Results res);
    }
}
