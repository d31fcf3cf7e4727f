package dev.lazarus.bench;

import org.openjdk.jmh.results.RunResult;

import java.util.List;

/** §1: a logged change against a plain write and a raw Chronicle append, 1 and 2 threads, same run. */
final class WritePathSection {
    static final String TITLE = "1. Write path: a logged change against the raw floor";
    /** Snapshots off: this section isolates the hot path (snapshot costs are in §3 and §5, snapshots.md). */
    static final String AGENT = "sync=none,snapshotInterval=off,snapshotLogBytes=off";

    static final String[][] ROWS = {
        {"plainFieldWrite", "plain field write (untracked object)"},
        {"rawChronicleAppend", "**raw Chronicle append**, 16-byte record (the baseline)"},
        {"rawChronicleAppendLocked", "raw Chronicle append, one appender behind a lock (the redo log's design)"},
        {"loggedLongWrite", "logged write: `long` field"},
        {"loggedStringWrite", "logged write: `String` field"},
        {"loggedReferenceWrite", "logged write: reference to a tracked object"},
        {"loggedArrayElementWrite", "logged write: `long[]` element"},
        {"loggedCollectionPut", "logged `HashMap.put` (Integer → Long)"},
        {"atomicTransfer", "`@Atomic` transfer: 2 field writes + commit"},
    };
    static final String[] TWO_THREADS = {"rawChronicleAppend", "rawChronicleAppendLocked", "loggedLongWrite",
        "loggedStringWrite", "atomicTransfer"};
    static final String[] QUICK_ONE = {"plainFieldWrite", "rawChronicleAppend", "loggedLongWrite", "loggedStringWrite",
        "loggedCollectionPut", "atomicTransfer"};
    static final String[] QUICK_TWO = {"rawChronicleAppendLocked", "loggedLongWrite"};

    private WritePathSection() {
    }

    static void run(Ctx ctx, Results res) {
        int forks = ctx.quick ? 1 : 2;
        Jmh.Spec one = new Jmh.Spec("write-1t", WritePathBenchmark.class, ctx.quick ? QUICK_ONE : new String[0])
                .agent(AGENT).forks(forks);
        Jmh.Spec two = new Jmh.Spec("write-2t", WritePathBenchmark.class, ctx.quick ? QUICK_TWO : TWO_THREADS)
                .agent(AGENT).forks(forks).threads(2);
        for (Jmh.Spec s : new Jmh.Spec[] {one, two}) {
            if (ctx.quick) {
                s.iterations(3, 300, 5, 300);
            } else {
                s.iterations(4, 500, 8, 500);
            }
        }
        List<RunResult> r1 = Jmh.run(ctx, one);
        List<RunResult> r2 = Jmh.run(ctx, two);
        double raw1 = Scores.median(r1, "rawChronicleAppend");
        double raw2 = Math.min(nanIsMax(Scores.median(r2, "rawChronicleAppend")),
                nanIsMax(Scores.median(r2, "rawChronicleAppendLocked")));
        res.put("write.2.rawBest", raw2);
        int iterations = one.measurementIterations * forks;
        StringBuilder md = res.section(TITLE);
        md.append("JMH 1.37, average time per operation; ").append(forks).append(forks == 1 ? " fork" : " forks")
                .append(" per benchmark, each on a fresh data directory, agent options `").append(AGENT)
                .append("` (snapshots off: this isolates the hot path). Figures are the **median** of the ")
                .append(iterations).append(" measurement iterations (")
                .append(one.measurementMillis).append(" ms each) and, in brackets, their interquartile range: on a shared ")
                .append("2-core machine the median resists the load spikes that the mean does not. With 2 threads each ")
                .append("thread changes its own objects, all into the JVM's one log; the raw baselines then append to one ")
                .append("shared queue, in Chronicle's way (an appender per thread) and in the redo log's way (one appender ")
                .append("behind a lock); the 2-thread ratio is to the faster of the two.\n\n");
        md.append("| operation | 1 thread, ns/op | × raw append | 2 threads, ns/op per thread | 2 threads, M ops/s in total | × raw append (2 threads) |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (String[] row : ROWS) {
            String m = row[0];
            double s1 = Scores.median(r1, m);
            double s2 = Scores.median(r2, m);
            if (Double.isNaN(s1) && Double.isNaN(s2)) {
                continue;
            }
            res.put("write.1." + m, s1);
            res.put("write.2." + m, s2);
            String q1 = iqr(r1, m);
            String q2 = iqr(r2, m);
            res.csv("write path", m + " (1 thread)", s1, "ns/op median", "IQR " + q1);
            if (!Double.isNaN(s2)) {
                res.csv("write path", m + " (2 threads)", s2, "ns/op per thread, median", "IQR " + q2);
            }
            md.append("| ").append(row[1]).append(" | ").append(Results.num(s1)).append(Double.isNaN(s1) ? "" : " [" + q1 + "]")
                    .append(" | ").append(m.equals("plainFieldWrite") ? "" : Results.ratio(s1 / raw1)).append(" | ")
                    .append(Double.isNaN(s2) ? "" : Results.num(s2) + " [" + q2 + "]")
                    .append(" | ").append(Double.isNaN(s2) ? "" : Results.num(2 * 1e3 / s2)).append(" | ")
                    .append(Double.isNaN(s2) ? "" : Results.ratio(s2 / raw2)).append(" |\n");
        }
        md.append("\nRecord sizes are in §4 (a logged `long` write: one record of about 14 bytes including its 4-byte ")
                .append("CRC32C; the raw baseline appends 16 bytes without a CRC). Beyond the append, a logged change encodes ")
                .append("its record on the writing thread, computes the CRC and takes the log's lock; an `@Atomic` call ")
                .append("appends one record per write plus a commit record, three Chronicle documents for a transfer.\n");
    }

    private static double nanIsMax(double v) {
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }

    private static String iqr(List<RunResult> r, String m) {
        return Results.num(Scores.percentile(r, m, 25)) + "–" + Results.num(Scores.percentile(r, m, 75));
    }
}
