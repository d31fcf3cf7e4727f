package dev.lazarus.bench;

import dev.lazarus.bench.recovery.LogWriter;
import dev.lazarus.bench.recovery.RawTailer;
import dev.lazarus.bench.recovery.Restart;
import dev.lazarus.bench.recovery.StateBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** §3: replay against the raw tailer; restart time with a snapshot of N objects and a log after it. */
final class RecoverySection {
    static final String TITLE = "3. Recovery";
    static final String AGENT = "sync=none,snapshotInterval=off,snapshotLogBytes=off";

    private RecoverySection() {
    }

    static List<String> agentJvm(Ctx ctx, Path dir, String options, String... more) {
        List<String> a = new ArrayList<>(List.of(more));
        a.add("-javaagent:" + ctx.agent + "=dir=" + dir + "," + options);
        return a;
    }

    static void run(Ctx ctx, Results res) {
        replay(ctx, res);
        restart(ctx, res);
    }

    /** A log of N long writes: the raw tailer reads it, Lazarus recovers it; alternately, each in a fresh JVM. */
    private static void replay(Ctx ctx, Results res) {
        long records = ctx.quick ? 2_000_000 : 10_000_000;
        int rounds = ctx.quick ? 1 : 3;
        Path dir = ctx.freshDir("replay").resolve("lazarus");
        try {
            Child w = Child.start(ctx, "replay-writer", agentJvm(ctx, dir, AGENT), LogWriter.class.getName(),
                    List.of(String.valueOf(records)));
            Map<String, String> written = w.await("written", 600);
            w.kill9();
            List<Double> tailerCold = new ArrayList<>();
            List<Double> tailerWarm = new ArrayList<>();
            List<Double> replay = new ArrayList<>();
            List<Double> redo = new ArrayList<>();
            Map<String, String> lastTailer = null;
            Recovery last = null;
            for (int round = 0; round < rounds; round++) {
                List<String> flags = new ArrayList<>(List.of(Jmh.CHRONICLE_FLAGS));
                Child t = Child.start(ctx, "replay-tailer-" + (round + 1), flags, RawTailer.class.getName(),
                        List.of(dir.resolve("log").toString()));
                Map<String, String> cold = t.await("tailerCold", 300);
                Map<String, String> warm = t.await("tailerWarm", 300);
                Map<String, String> sizes = t.await("tailerSizes", 300);
                t.waitExit(60);
                tailerCold.add(rate(cold));
                tailerWarm.add(rate(warm));
                lastTailer = sizes;
                Child r = Child.start(ctx, "replay-restart-" + (round + 1), agentJvm(ctx, dir, AGENT),
                        Restart.class.getName(), List.of());
                r.await("recovered", 600);
                Recovery rec = Recovery.of(r);
                r.waitExit(60);
                replay.add(rec.records() / (rec.totalMs() / 1e3));
                redo.add(rec.records() / ((rec.redoMs() - rec.snapshotMs()) / 1e3));
                last = rec;
                ctx.progress(String.format("  replay round %d: raw tailer %.1f M records/s, Lazarus %.1f M records/s (%s)",
                        round + 1, rate(cold) / 1e6, replay.get(round) / 1e6, r.line("Lazarus recovered")));
            }
            double tc = Results.median(tailerCold);
            double tw = Results.median(tailerWarm);
            double rp = Results.median(replay);
            double rd = Results.median(redo);
            res.put("replay.tailer", tc);
            res.put("replay.tailerWarm", tw);
            res.put("replay.lazarus", rp);
            res.put("replay.redoPass", rd);
            res.put("replay.ratio", rp / tc);
            long fileBytes = Long.parseLong(lastTailer.get("fileBytes"));
            long docs = Long.parseLong(lastTailer.get("records"));
            res.put("log.fileBytesPerRecord", (double) fileBytes / docs);
            res.put("log.payloadPerRecord", Double.parseDouble(lastTailer.get("payloadBytes")) / docs);
            res.put("log.writeRate", records / (Long.parseLong(written.get("nanos")) / 1e9));
            res.csv("recovery", "raw Chronicle tailer, fresh JVM", tc, "records/s", records + " records");
            res.csv("recovery", "raw Chronicle tailer, second pass", tw, "records/s", "");
            res.csv("recovery", "Lazarus recovery (both passes)", rp, "records/s", last.detectMs() + "+" + last.redoMs() + " ms");
            res.csv("recovery", "Lazarus redo pass alone", rd, "records/s", "");
            StringBuilder md = res.section(TITLE);
            md.append(String.format("**Replay against the raw tailer.** A JVM under the agent makes %,d logged `long` writes ", records))
                    .append("(one record each) and is killed with `kill -9`. Then, alternately, ").append(rounds)
                    .append(rounds == 1 ? " time" : " times")
                    .append(": a fresh JVM without the agent reads that log with a plain Chronicle tailer, copying each record's ")
                    .append("bytes out; and a fresh JVM under the agent recovers it (recovery reads the log twice: T_detect ")
                    .append("finds the committed transactions, T_redo applies the records, each record's CRC checked). Page ")
                    .append("cache warm in both. Medians.\n\n");
            md.append("| reader | M records/s | × raw tailer |\n|---|---:|---:|\n");
            md.append("| raw Chronicle tailer, first pass in a fresh JVM (the baseline) | ").append(Results.num(tc / 1e6)).append(" | 1× |\n");
            md.append("| raw Chronicle tailer, second pass (JIT warm) | ").append(Results.num(tw / 1e6)).append(" | ")
                    .append(Results.ratio(tw / tc)).append(" |\n");
            md.append("| **Lazarus recovery**, whole (T_detect + T_rollback + T_redo) | ").append(Results.num(rp / 1e6))
                    .append(" | ").append(Results.ratio(rp / tc)).append(" |\n");
            md.append("| Lazarus T_redo pass alone | ").append(Results.num(rd / 1e6)).append(" | ")
                    .append(Results.ratio(rd / tc)).append(" |\n");
            md.append(String.format("%nLast recovery line: `%s`%n", last == null ? "" : lineOf(last)));
        } finally {
            Files2.deleteTree(dir.getParent());
        }
    }

    private static String lineOf(Recovery r) {
        return String.format("%d objects, %d of %d records, %d ms (T_detect %d, T_rollback %d, T_redo %d)", r.objects(),
                r.applied(), r.records(), r.totalMs(), r.detectMs(), r.rollbackMs(), r.redoMs());
    }

    /** N objects in a snapshot and R log records after it: how long a restart takes. */
    private static void restart(Ctx ctx, Results res) {
        long records = ctx.quick ? 1_000_000 : 10_000_000;
        int[] sizes = ctx.quick ? new int[] {100_000} : new int[] {1_000_000, 10_000_000};
        StringBuilder md = res.section(TITLE);
        md.append(String.format("%n**Restart time.** A JVM under the agent builds N cells (an `int` and a `long`, in a tracked "
                + "`HashMap<Integer, Cell>`, transactions of 10,000), takes a snapshot (`Lazarus.checkpoint()`), makes "
                + "%,d logged writes to random cells and is killed with `kill -9`. A fresh JVM under the agent then touches "
                + "the root: recovery loads the snapshot and replays the log after it. *JVM start → root recovered* is "
                + "measured from outside, process start to the line the app prints once the root is back (it includes "
                + "the JVM's and the agent's start-up, §4).%n%n", records));
        md.append("| objects | log records after the snapshot | snapshot taken in (checkpoint) | snapshot load | log replay (T_detect + T_redo) | recovery, total | JVM start → root recovered |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int n : sizes) {
            Path dir = ctx.freshDir("restart").resolve("lazarus");
            String heap = n >= 5_000_000 ? "-Xmx10g" : "-Xmx4g";
            try {
                Child b = Child.start(ctx, "restart-build-" + n, agentJvm(ctx, dir, AGENT, heap),
                        StateBuilder.class.getName(), List.of(String.valueOf(n), String.valueOf(records)));
                Map<String, String> built = b.await("built", 900);
                b.kill9();
                Child r = Child.start(ctx, "restart-recover-" + n, agentJvm(ctx, dir, AGENT, heap),
                        Restart.class.getName(), List.of());
                Map<String, String> rec = r.await("recovered", 900);
                Recovery x = Recovery.of(r);
                r.waitExit(120);
                if (!rec.get("sum").equals(built.get("sum")) || Long.parseLong(rec.get("objects")) != n) {
                    throw new IllegalStateException("restart at " + n + " objects recovered " + rec + " but the killed JVM had "
                            + built);
                }
                double ckpt = Long.parseLong(built.get("checkpointNanos")) / 1e6;
                double wall = x.wallNanos() / 1e6;
                String k = "restart." + n;
                res.put(k + ".checkpointMs", ckpt);
                res.put(k + ".snapshotLoadMs", x.snapshotMs());
                res.put(k + ".logMs", x.logMs());
                res.put(k + ".totalMs", x.totalMs());
                res.put(k + ".wallMs", wall);
                res.csv("recovery", "restart " + n + " objects + " + records + " records: recovery", x.totalMs(), "ms",
                        "snapshot load " + x.snapshotMs() + " ms, log " + x.logMs() + " ms");
                res.csv("recovery", "restart " + n + " objects: JVM start to root recovered", wall, "ms", "");
                res.csv("recovery", "checkpoint of " + n + " objects", ckpt, "ms", "");
                md.append(String.format("| %,d | %,d | %s ms | %,d ms | %,d ms | %,d ms | %s ms |%n", n, x.applied(),
                        Results.num(ckpt), x.snapshotMs(), x.logMs(), x.totalMs(), Results.num(wall)));
                ctx.progress("  restart " + n + ": " + r.line("Lazarus recovered"));
            } catch (RuntimeException e) {
                res.problems.add("restart at " + n + " objects failed: " + e.getMessage());
                md.append(String.format("| %,d | failed: %s | | | | | |%n", n, e.getMessage().replace('|', '/')));
                ctx.progress("  FAILED restart " + n + ": " + e.getMessage());
            } finally {
                Files2.deleteTree(dir.getParent());
            }
        }
        md.append("\nSnapshot write and load against raw Kryo (the snapshot floor) are measured by the snapshot figures ")
                .append("(§5, `benchmarks/run.sh --only=snapshot --report=snapshots`): [snapshots.md](snapshots.md).\n");
    }

    private static double rate(Map<String, String> fig) {
        return Long.parseLong(fig.get("records")) / (Long.parseLong(fig.get("nanos")) / 1e9);
    }
}
