package dev.lazarus.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

import java.util.ArrayList;
import java.util.List;

/** §4 (part): the cost of the agent on code that is not tracked, with and without the agent, forks interleaved. */
final class OverheadSection {
    static final String TITLE = "4. Footprint";
    static final String[][] ROWS = {
        {"hashMapGetPut", "get + put on a plain `HashMap` (1,024 entries)"},
        {"plainObjectWrites", "64 field writes on plain objects"},
        {"arrayCopySort", "`System.arraycopy` + `Arrays.sort` of 256 ints"},
        {"stringBuild", "building a short `String`"},
    };

    private OverheadSection() {
    }

    static void run(Ctx ctx, Results res) {
        int rounds = ctx.quick ? 1 : 2;
        List<RunResult> with = new ArrayList<>();
        List<RunResult> without = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (boolean agent : new boolean[] {true, false}) {
                Jmh.Spec s = new Jmh.Spec("untracked-" + (agent ? "agent" : "plain") + "-" + (round + 1),
                        UntrackedBenchmark.class);
                if (agent) {
                    s.agent("sync=none").jvm("-Dbench.expectAgent=true");
                }
                if (ctx.quick) {
                    s.iterations(2, 300, 3, 300);
                } else {
                    s.iterations(2, 700, 4, 800);
                }
                (agent ? with : without).addAll(Jmh.run(ctx, s));
            }
        }
        StringBuilder md = res.section(TITLE);
        md.append("\n**The agent's cost on code that is not tracked** (JMH, average time, ").append(rounds)
                .append(rounds == 1 ? " fork" : " forks").append(" with the agent — its engine started, a root attached — ")
                .append("and as many without, interleaved; ± is the 99.9% confidence interval over the measurement ")
                .append("iterations). Classes that neither hold nor change tracked state are left byte-identical by the ")
                .append("agent, so the expected difference is nil.\n\n");
        md.append("| untracked code | without agent, ns/op | with agent, ns/op | with / without |\n|---|---:|---:|---:|\n");
        double worst = 0;
        for (String[] row : ROWS) {
            ListStatistics a = Scores.iterations(with, row[0]);
            ListStatistics b = Scores.iterations(without, row[0]);
            double ratio = a.getMean() / b.getMean();
            worst = Math.max(worst, Math.abs(ratio - 1));
            res.put("untracked." + row[0] + ".ratio", ratio);
            res.csv("footprint", "untracked " + row[0] + " with agent", a.getMean(), "ns/op", "± " + Results.fmt(a.getMeanErrorAt(0.999), 3));
            res.csv("footprint", "untracked " + row[0] + " without agent", b.getMean(), "ns/op", "± " + Results.fmt(b.getMeanErrorAt(0.999), 3));
            md.append("| ").append(row[1]).append(" | ").append(Results.num(b.getMean())).append(" ± ")
                    .append(Results.num(b.getMeanErrorAt(0.999))).append(" | ").append(Results.num(a.getMean()))
                    .append(" ± ").append(Results.num(a.getMeanErrorAt(0.999))).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", ratio)).append(" |\n");
        }
        res.put("untracked.worst", worst);
    }
}
