package dev.lazarus.bench;

import org.openjdk.jmh.results.RunResult;

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

    private static String iqr(List<RunResult> r, String m) {
        return Results.num(Scores.percentile(r, m, 25)) + "–" + Results.num(Scores.percentile(r, m, 75));
    }

    static void run(Ctx ctx, Results res) {
        int rounds = ctx.quick ? 1 : 2;
        List<RunResult> with = new ArrayList<>();
        List<RunResult> without = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (boolean agent : new boolean[] {true, false}) {
                Jmh.Spec s = new Jmh.Spec("untracked-" + (agent ? "agent" : "plain") + "-" + (round + 1),
                        UntrackedBenchmark.class, ctx.quick ? new String[] {"hashMapGetPut", "plainObjectWrites"} : new String[0]);
                if (agent) {
                    s.agent("sync=none").jvm("-Dbench.expectAgent=true");
                }
                if (ctx.quick) {
                    s.iterations(2, 300, 5, 300);
                } else {
                    s.iterations(3, 400, 8, 400);
                }
                (agent ? with : without).addAll(Jmh.run(ctx, s));
            }
        }
        StringBuilder md = res.section(TITLE);
        md.append("\n**The agent's cost on code that is not tracked** (JMH, average time; ").append(rounds)
                .append(rounds == 1 ? " fork" : " forks").append(" with the agent — its engine started, a root attached — ")
                .append("and as many without, interleaved; median of the measurement iterations, interquartile range in ")
                .append("brackets). The agent leaves classes that neither hold nor change tracked state byte-identical, so ")
                .append("the expected difference is nil.\n\n");
        md.append("| untracked code | without agent, ns/op | with agent, ns/op | with / without |\n|---|---:|---:|---:|\n");
        double worst = 0;
        for (String[] row : ROWS) {
            double a = Scores.median(with, row[0]);
            double b = Scores.median(without, row[0]);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue;
            }
            double ratio = a / b;
            worst = Math.max(worst, Math.abs(ratio - 1));
            res.put("untracked." + row[0] + ".ratio", ratio);
            res.csv("footprint", "untracked " + row[0] + " with agent", a, "ns/op median", "IQR " + iqr(with, row[0]));
            res.csv("footprint", "untracked " + row[0] + " without agent", b, "ns/op median", "IQR " + iqr(without, row[0]));
            md.append("| ").append(row[1]).append(" | ").append(Results.num(b)).append(" [").append(iqr(without, row[0]))
                    .append("] | ").append(Results.num(a)).append(" [").append(iqr(with, row[0])).append("] | ")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", ratio)).append(" |\n");
        }
        res.put("untracked.worst", worst);
    }
}
