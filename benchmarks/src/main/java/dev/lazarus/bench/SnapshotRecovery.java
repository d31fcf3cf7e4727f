package dev.lazarus.bench;

import dev.lazarus.bench.recovery.RawTailer;
import dev.lazarus.bench.snapshot.GraphChild;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.lazarus.bench.Results.count;
import static dev.lazarus.bench.Results.ms;
import static dev.lazarus.bench.Results.value;

/**
 * §5.3: recovery from a snapshot and the log records after it, after a real {@code kill -9} in the
 * middle of an open transaction; its replay against a raw Chronicle tailer over the same records.
 */
final class SnapshotRecovery {
    private SnapshotRecovery() {
    }

    static void run(Ctx ctx, Results res, StringBuilder md) {
        long n = ctx.quick ? 100_000 : 1_000_000;
        long m = ctx.quick ? 100_000 : 1_000_000;
        int open = 1000;
        String heap = "-Xms4g -Xmx4g";
        String main = GraphChild.class.getName();
        String opts = SnapshotSection.NO_AUTO_SNAPSHOTS;
        Path dir = ctx.freshDir("snapshot-recovery");
        try {
            Path data = dir.resolve("lazarus");
            Child crash = SnapshotSection.start(ctx, "recovery-crash", heap, data, opts, main,
                    List.of("crash", Long.toString(n), Long.toString(m), Integer.toString(open)));
            crash.await("ready", 1200);
            crash.kill9();
            Child restart = SnapshotSection.start(ctx, "recovery-restart", heap, data, opts, main,
                    List.of("recover", Long.toString(n), Long.toString(m)));
            restart.waitExit(1200);
            String position = crash.figs("checkpoint").get(0).get("position");
            Child tailer = SnapshotSection.start(ctx, "recovery-raw-tailer", heap, null, "", RawTailer.class.getName(),
                    List.of(data.resolve("log").toString(), position));
            tailer.waitExit(600);
            table(res, md, n, m, open, crash, restart, tailer);
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static void table(Results res, StringBuilder md, long n, long m, int open, Child crash, Child restart,
                              Child tailer) {
        Recovery rec = Recovery.of(restart);
        Map<String, String> check = restart.figs("recovered").get(0);
        Map<String, String> cold = tailer.figs("tailerCold").get(0);
        Map<String, String> warm = tailer.figs("tailerWarm").get(0);
        Map<String, String> whole = tailer.figs("tailerWhole").get(0);
        double replayMs = rec.detectMs() + rec.redoMs() - rec.snapshotMs(); // both passes over the log, without the load
        md.append("\n### 5.3 Recovery: ").append(count(n)).append(" objects, ").append(count(m))
                .append(" log records after the snapshot, `kill -9`\n\n");
        md.append("The child attaches ").append(count(n)).append(" items, takes a snapshot, makes ").append(count(m))
                .append(" auto-commit tracked writes (one SET record each, ")
                .append(count(value(crash.figs("writes").get(0), "perSec")))
                .append(" writes/s), then opens an `@Atomic` call that writes ").append(open)
                .append(" more and blocks; the parent kills it with `kill -9` and restarts it on the same directory. Recovery")
                .append(" check after the restart: ").append(check.get("check")).append(" (").append(check.get("objects"))
                .append(" items, highest value ").append(check.get("maxValue")).append(" as written, ")
                .append(check.get("uncommittedSeen")).append(" values of the open transaction visible). Baseline: a raw")
                .append(" Chronicle tailer (the app's own Chronicle, fresh JVM, no agent) reading the same log files after the")
                .append(" snapshot's position, copying each record out.\n\n");
        md.append("| T_recovery | T_detect (pass 1) | T_rollback | T_redo | of which snapshot load | records after snapshot (applied) | transactions rolled back |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append("| **").append(ms(rec.totalMs())).append("** | ").append(ms(rec.detectMs())).append(" | ")
                .append(ms(rec.rollbackMs())).append(" | ").append(ms(rec.redoMs())).append(" | ").append(ms(rec.snapshotMs()))
                .append(" | ").append(count(rec.records())).append(" (").append(count(rec.applied())).append(") | ")
                .append(rec.rolledBack()).append(" |\n\n");
        md.append("| reading the log after the snapshot | records | time | records/s | ÷ raw tailer (time) |\n|---|---:|---:|---:|---:|\n");
        double rawMs = millis(cold);
        row(res, md, "Lazarus replay, both passes (T_detect + T_redo − load)", rec.records(), replayMs, rawMs);
        row(res, md, "Lazarus pass 1 alone (T_detect: scan, CRC, transaction table)", rec.records(), rec.detectMs(), rawMs);
        row(res, md, "Lazarus pass 2 alone (apply: decode, reflection)", rec.records(), rec.redoMs() - rec.snapshotMs(), rawMs);
        row(res, md, "raw Chronicle tailer, fresh JVM (first pass)", value(cold, "records"), rawMs, Double.NaN);
        row(res, md, "raw Chronicle tailer, second pass", value(warm, "records"), millis(warm), rawMs);
        md.append("\n(The raw tailer also read the whole log, ").append(count(value(whole, "records"))).append(" records, at ")
                .append(count(value(whole, "records") / (millis(whole) / 1000))).append(" records/s.) Recovery line: `")
                .append(rec.line()).append("`\n");
        res.put("snapshot.recovery.totalMs", rec.totalMs());
        res.csv("snapshot", "recovery of " + n + " objects + " + m + " records after the snapshot", rec.totalMs(), "ms",
                "T_detect " + rec.detectMs() + ", T_rollback " + rec.rollbackMs() + ", T_redo " + rec.redoMs()
                        + " of which load " + rec.snapshotMs());
    }

    private static double millis(Map<String, String> tailerFig) {
        return value(tailerFig, "nanos") / 1e6;
    }

    private static void row(Results res, StringBuilder md, String what, double records, double millis, double baseline) {
        res.csv("snapshot", what, records / (millis / 1000), "records/s", count(records) + " records");
        md.append("| ").append(what).append(" | ").append(count(records)).append(" | ").append(ms(millis)).append(" | ")
                .append(count(records / (millis / 1000))).append(" | ")
                .append(Double.isNaN(baseline) ? "1 (baseline)" : String.format(Locale.ROOT, "%.1f×", millis / baseline))
                .append(" |\n");
    }
}
