package dev.lazarus.bench;

import dev.lazarus.bench.snapshot.GraphChild;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.lazarus.bench.Results.count;
import static dev.lazarus.bench.Results.ms;
import static dev.lazarus.bench.Results.value;

/** §5.2: the app-visible pause while snapshots are taken, at growing numbers of tracked objects (G1, and one ZGC run). */
final class SnapshotPause {
    /** One child run: how many tracked objects, on which collector. */
    private record Run(long objects, boolean zgc) {
        String heap() {
            return (objects >= 5_000_000 ? "-Xms12g -Xmx12g" : objects >= 500_000 ? "-Xms4g -Xmx4g" : "-Xms1g -Xmx1g")
                    + (zgc ? " -XX:+UseZGC" : "");
        }

        String label() {
            return count(objects) + (zgc ? " (ZGC)" : "");
        }
    }

    private SnapshotPause() {
    }

    static void run(Ctx ctx, Results res, StringBuilder md) {
        List<Run> runs = new ArrayList<>();
        for (long n : ctx.quick ? new long[] {10_000, 100_000} : new long[] {10_000, 1_000_000, 10_000_000}) {
            runs.add(new Run(n, false));
        }
        runs.add(new Run(ctx.quick ? 100_000 : 1_000_000, true));
        md.append("\n### 5.2 App-visible pause while a snapshot is taken\n\n");
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
        for (Run r : runs) {
            Path dir = ctx.freshDir("snapshot-pause");
            try {
                Child c = pauseChild(ctx, r, dir.resolve("lazarus"));
                row(res, md, r, c);
                details(details, r, c);
            } catch (RuntimeException e) {
                md.append("| ").append(r.label()).append(" | ").append(r.heap()).append(" | **failed**: `")
                        .append(e.getMessage().lines().findFirst().orElse("")).append("` | | | | | |\n");
                res.problems.add("snapshot pause " + r.label() + " failed: " + e.getMessage());
            } finally {
                Files2.deleteTree(dir);
            }
        }
        md.append("\nDetails:\n").append(details);
    }

    /** Runs the mutator and the snapshots in one JVM (the larger the graph, the fewer and longer its snapshots). */
    private static Child pauseChild(Ctx ctx, Run r, Path data) {
        long n = r.objects();
        int minCheckpoints = n >= 5_000_000 ? 2 : n >= 500_000 ? 3 : 5;
        double minCheckpointSeconds = n >= 5_000_000 ? 0 : 5;
        Child c = SnapshotSection.start(ctx, "pause-" + n + (r.zgc() ? "-zgc" : ""), r.heap(), data,
                SnapshotSection.NO_AUTO_SNAPSHOTS, GraphChild.class.getName(), List.of("pause", Long.toString(n), "5",
                        Integer.toString(minCheckpoints), Double.toString(minCheckpointSeconds), "100000"));
        c.waitExit(1800);
        return c;
    }

    private static Map<String, Map<String, String>> latencies(Child c) {
        Map<String, Map<String, String>> lat = new HashMap<>();
        for (Map<String, String> m : c.figs("latency")) {
            lat.put(m.get("name"), m);
        }
        return lat;
    }

    private static void row(Results res, StringBuilder md, Run r, Child c) {
        Map<String, Map<String, String>> lat = latencies(c);
        Map<String, String> sum = c.figs("pauseSummary").get(0);
        List<Double> durations = new ArrayList<>();
        for (Map<String, String> ck : c.figs("checkpoint")) {
            if (ck.get("label").startsWith("live")) {
                durations.add(value(ck, "wallMs"));
            }
        }
        StringBuilder each = new StringBuilder().append(durations.size()).append(", ");
        if (durations.size() <= 4) {
            for (int i = 0; i < durations.size(); i++) {
                each.append(i == 0 ? "" : " / ").append(ms(durations.get(i)));
            }
        } else {
            durations.sort(null);
            each.append(ms(durations.get(0))).append(" – ").append(ms(durations.get(durations.size() - 1)))
                    .append(" (median ").append(ms(durations.get(durations.size() / 2))).append(")");
        }
        md.append("| ").append(r.label()).append(" | ").append(r.heap()).append(" | ").append(each)
                .append(" | ").append(us(lat.get("opIn"), "p999Us")).append(" / **").append(us(lat.get("opIn"), "maxUs"))
                .append("** | ").append(us(lat.get("opOut"), "p999Us")).append(" / ").append(us(lat.get("opOut"), "maxUs"))
                .append(" | ").append(us(lat.get("lateIn"), "p999Us")).append(" / **").append(us(lat.get("lateIn"), "maxUs"))
                .append("** | ").append(us(lat.get("lateOut"), "p999Us")).append(" / ").append(us(lat.get("lateOut"), "maxUs"))
                .append(" | ").append(ms(value(sum, "gcMaxInMs"))).append(" / ").append(ms(value(sum, "gcMaxOutMs"))).append(" |\n");
        String k = "snapshot.pause." + r.objects() + (r.zgc() ? ".zgc" : "");
        for (String name : new String[] {"opIn", "opOut", "lateIn", "lateOut"}) {
            res.put(k + "." + name + ".maxUs", value(lat.get(name), "maxUs"));
            res.csv("snapshot", "pause " + r.label() + ": " + name + " max", value(lat.get(name), "maxUs"), "µs",
                    "p99.9 " + us(lat.get(name), "p999Us"));
        }
    }

    private static void details(StringBuilder details, Run r, Child c) {
        Map<String, Map<String, String>> lat = latencies(c);
        Map<String, String> sum = c.figs("pauseSummary").get(0);
        List<Map<String, String>> cks = c.figs("checkpoint");
        details.append("\n**").append(count(r.objects())).append(" objects").append(r.zgc() ? ", ZGC" : "")
                .append("** — setup snapshot (from the log, no mutator): ");
        Map<String, String> setup = cks.get(0);
        details.append(ms(value(setup, "wallMs"))).append(" (replay ").append(ms(value(setup, "replayMillis"))).append(", write ")
                .append(ms(value(setup, "writeMillis"))).append("). Snapshots under load: ");
        for (Map<String, String> ck : cks.subList(1, Math.min(cks.size(), 4))) {
            details.append(ms(value(ck, "wallMs"))).append(" (load ").append(ms(value(ck, "loadMillis"))).append(", replay ")
                    .append(count(value(ck, "records"))).append(" records in ").append(ms(value(ck, "replayMillis")))
                    .append(", write ").append(ms(value(ck, "writeMillis"))).append(")").append("; ");
        }
        if (cks.size() > 4) {
            details.append("… ");
        }
        details.append("Writes timed: ").append(count(value(lat.get("opIn"), "count"))).append(" during, ")
                .append(count(value(lat.get("opOut"), "count"))).append(" outside; p50 ").append(us(lat.get("opIn"), "p50Us"))
                .append(" / ").append(us(lat.get("opOut"), "p50Us")).append(", p99.99 ").append(us(lat.get("opIn"), "p9999Us"))
                .append(" / ").append(us(lat.get("opOut"), "p9999Us")).append(". 100 ms windows: ");
        for (Map<String, String> w : c.figs("windows")) {
            details.append(w.get("count")).append(during(w) ? " during" : " outside")
                    .append(" (median of the window maxima ").append(us(w, "medianMaxOpUs")).append(" write, ")
                    .append(us(w, "medianMaxStallUs")).append(" stall); ");
        }
        details.append("GCs: ").append(sum.get("gcCountIn")).append(" during, ").append(sum.get("gcCountOut")).append(" outside.");
        details.append(" Worst windows (by write latency):");
        for (Map<String, String> w : c.figs("worstWindow")) {
            details.append(" [t=").append(w.get("atMs")).append(" ms, ").append(during(w) ? "during" : "outside")
                    .append(", write max ").append(us(w, "maxOpUs")).append(", stall max ").append(us(w, "maxLateUs"))
                    .append(", GC in window ").append(ms(value(w, "gcMsInWindow")));
            if (value(w, "slowBurstMs") > 0) {
                details.append(", slowest burst ").append(String.format(Locale.ROOT, "%.1f ms wall / %.1f ms on CPU",
                        value(w, "slowBurstMs"), value(w, "slowBurstCpuMs")));
            }
            details.append(", preempted ").append(w.get("involuntarySwitches")).append("× for ")
                    .append(String.format(Locale.ROOT, "%.1f ms", value(w, "runQueueWaitMs"))).append(" in all]");
        }
        details.append(". Worst windows by stall:");
        for (Map<String, String> w : c.figs("worstStall")) {
            double stall = value(w, "maxLateUs") / 1000;
            double gc = value(w, "gcMaxMs");
            details.append(" [t=").append(w.get("atMs")).append(" ms, ").append(during(w) ? "during" : "outside")
                    .append(", stall ").append(ms(stall)).append(": ")
                    .append(gc >= stall * 0.8 ? "a GC pause of " + ms(gc) : "no GC pause covers it (GC in window "
                            + ms(value(w, "gcMsInWindow")) + "), run-queue wait in the window "
                            + String.format(Locale.ROOT, "%.1f ms", value(w, "runQueueWaitMs")))
                    .append("]");
        }
        details.append('.');
        List<Map<String, String>> gcs = c.figs("gc");
        if (!gcs.isEmpty()) {
            details.append(" GC pauses ≥ 20 ms:");
            for (Map<String, String> g : gcs) {
                details.append(' ').append(ms(value(g, "ms"))).append(during(g) ? " (during)" : " (outside)");
            }
        }
        details.append('\n');
        long failed = SnapshotSection.checkpointErrors(cks);
        if (failed > 0) {
            details.append("`Lazarus.checkpoint()` threw in ").append(failed).append(" of ").append(cks.size())
                    .append(" calls after writing the snapshot (see Observations).\n");
        }
    }

    /** Whether a window or a GC pause fell during a snapshot. */
    private static boolean during(Map<String, String> fig) {
        return Boolean.parseBoolean(fig.get("snapshot"));
    }

    private static String us(Map<String, String> fig, String key) {
        return Results.us(value(fig, key));
    }
}
