package dev.lazarus.bench;

import org.openjdk.jmh.results.RunResult;

import java.util.List;

/** §1: a logged change against a plain write and a raw Chronicle append, 1 and 2 threads, same run. */
final class WritePathSection {
    static final String TITLE = "1. Write path: a logged change against the raw floor";
    /** Snapshots off: this section isolates the hot path (snapshot costs are in §3 and in snapshots.md). */
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

    private WritePathSection() {
    }

    static void run(Ctx ctx, Results res) {
        int forks = ctx.quick ? 1 : 2;
        Jmh.Spec one = new Jmh.Spec("write-1t", WritePathBenchmark.class).agent(AGENT).forks(forks);
        Jmh.Spec two = new Jmh.Spec("write-2t", WritePathBenchmark.class, TWO_THREADS).agent(AGENT).forks(forks)
                .threads(2);
        for (Jmh.Spec s : new Jmh.Spec[] {one, two}) {
            if (ctx.quick) {
                s.iterations(2, 400, 3, 500);
            } else {
                s.iterations(2, 1000, 4, 1000);
            }
        }
        List<RunResult> r1 = Jmh.run(ctx, one);
        List<RunResult> r2 = Jmh.run(ctx, two);
        double raw1 = Scores.mean(r1, "rawChronicleAppend");
        double raw2 = Scores.mean(r2, "rawChronicleAppend");
        StringBuilder md = res.section(TITLE);
        md.append("JMH 1.37, average time per operation, ").append(forks).append(forks == 1 ? " fork" : " forks")
                .append(" per benchmark (each on a fresh data directory), agent options `").append(AGENT)
                .append("`. With 2 threads each thread changes its own objects, all into the JVM's one log; the raw ")
                .append("baselines then append to one shared queue (Chronicle's way: an appender per thread; and the ")
                .append("redo log's way: one appender behind a lock). ± is the 99.9% confidence interval over all ")
                .append("measurement iterations.\n\n");
        md.append("| operation | 1 thread, ns/op | × raw append | 2 threads, ns/op per thread | 2 threads, M ops/s in total | × raw append (2 threads) |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (String[] row : ROWS) {
            String m = row[0];
            double s1 = Scores.mean(r1, m);
            double e1 = Scores.error(r1, m);
            double s2 = Scores.mean(r2, m);
            double e2 = Scores.error(r2, m);
            res.put("write.1." + m, s1);
            res.put("write.2." + m, s2);
            res.csv("write path", m + " (1 thread)", s1, "ns/op", "± " + Results.fmt(e1, 2));
            if (!Double.isNaN(s2)) {
                res.csv("write path", m + " (2 threads)", s2, "ns/op per thread", "± " + Results.fmt(e2, 2));
            }
            md.append("| ").append(row[1]).append(" | ").append(Results.num(s1))
                    .append(Double.isNaN(e1) ? "" : " ± " + Results.num(e1)).append(" | ")
                    .append(m.equals("plainFieldWrite") ? "" : Results.ratio(s1 / raw1)).append(" | ")
                    .append(Double.isNaN(s2) ? "" : Results.num(s2) + (Double.isNaN(e2) ? "" : " ± " + Results.num(e2)))
                    .append(" | ").append(Double.isNaN(s2) ? "" : Results.num(2 * 1e3 / s2)).append(" | ")
                    .append(Double.isNaN(s2) ? "" : Results.ratio(s2 / raw2)).append(" |\n");
        }
        res.put("write.ratio.long", Scores.mean(r1, "loggedLongWrite") / raw1);
        md.append("\nThe logged record of a `long` write is 10–14 bytes of payload plus a 4-byte CRC32C (§4); the raw ")
                .append("baseline appends 16 bytes, without a CRC. A logged change also encodes the record on the ")
                .append("writing thread and takes the log's lock.\n");
    }
}
