package dev.lazarus.bench;

import dev.lazarus.bench.snapshot.GraphChild;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.lazarus.bench.Results.count;
import static dev.lazarus.bench.Results.mb;
import static dev.lazarus.bench.Results.median;
import static dev.lazarus.bench.Results.ms;
import static dev.lazarus.bench.Results.value;

/** §5.1: snapshot write and load rates against raw Kryo on the same graph, in the same JVMs. */
final class SnapshotRates {
    private SnapshotRates() {
    }

    static void run(Ctx ctx, Results res, StringBuilder md) {
        long n = ctx.quick ? 100_000 : 1_000_000;
        int rounds = 3;
        Path dir = ctx.freshDir("snapshot-rates");
        String heap = "-Xms4g -Xmx4g";
        String main = GraphChild.class.getName();
        String opts = SnapshotSection.NO_AUTO_SNAPSHOTS;
        try {
            Path data = dir.resolve("lazarus");
            String kryoFile = dir.resolve("kryo.bin").toString();
            Child run = SnapshotSection.start(ctx, "rates", heap, data, opts, main,
                    List.of("rates", Long.toString(n), kryoFile, Integer.toString(rounds)));
            run.waitExit(1200);
            Child load = SnapshotSection.start(ctx, "rates-load", heap, data, opts, main,
                    List.of("load", kryoFile, Long.toString(n)));
            load.waitExit(600);
            table(res, md, n, rounds, run, load);
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static void table(Results res, StringBuilder md, long n, int rounds, Child run, Child load) {
        Map<String, String> build = run.figs("build").get(0);
        List<Map<String, String>> checkpoints = run.figs("checkpoint");
        Map<String, String> fromLog = checkpoints.get(0);
        List<Map<String, String>> rs = checkpoints.subList(1, checkpoints.size());
        List<Map<String, String>> ks = run.figs("kryo");
        double objects = value(rs.get(0), "objects");
        double bytes = median(rs, "bytes");
        double kObjects = value(ks.get(0), "objects");
        double kBytes = median(ks, "bytes");
        double kWrite = median(ks, "writeMs");
        double kRead = median(ks, "readMs");
        Recovery recovered = Recovery.of(load);
        double kCold = value(load.figs("kryoCold").get(0), "readMs");

        md.append("\n### 5.1 Snapshot write and load against raw Kryo, ").append(count(n)).append(" tracked objects\n\n");
        md.append("The graph: a root `Store` holding a tracked `HashMap<Long, Item>` of ").append(count(n))
                .append(" `@Durable Item`s (two `long`s and an `int`). Lazarus: `Lazarus.checkpoint()` on the calling")
                .append(" thread, ").append(rounds).append(" times after a first snapshot (each loads the previous snapshot")
                .append(" into a shadow graph, replays the 1,000 writes made since, and writes the new file: the agent's own")
                .append(" breakdown, read from its `Snapshotter`), then a restart whose recovery line gives the load.")
                .append(" Baseline in the same JVMs: raw Kryo 5.6.2 (no references, registered classes, `FieldSerializer`,")
                .append(" default `MapSerializer`) writing the same items as plain objects (`PlainStore`/`PlainItem`) to a")
                .append(" file that is forced like a snapshot, and reading it back; after the restart, the cold Kryo read runs")
                .append(" first in the fresh JVM, then recovery. Medians of ").append(rounds).append(" rounds; `System.gc()` before each.\n\n");
        md.append("| operation | objects | file size | time | objects/s | MB/s | Lazarus ÷ Kryo (time) |\n|---|---:|---:|---:|---:|---:|---:|\n");
        Row lazarus = new Row(objects, bytes);
        Row kryo = new Row(kObjects, kBytes);
        lazarus.append(res, md, "snapshot.write", "Lazarus snapshot write (traverse, encode, write, fsync, rename)",
                median(rs, "writeMillis"), kWrite);
        kryo.append(res, md, "snapshot.kryoWrite", "raw Kryo write + fsync (fsync " + ms(median(ks, "syncMs")) + ")",
                kWrite, Double.NaN);
        lazarus.append(res, md, "snapshot.load", "Lazarus snapshot load, warm JVM (CRC pass + rebuild, inside a checkpoint)",
                median(rs, "loadMillis"), kRead);
        kryo.append(res, md, "snapshot.kryoRead", "raw Kryo read, warm JVM", kRead, Double.NaN);
        lazarus.append(res, md, "snapshot.recoveryLoad", "Lazarus snapshot load at recovery, fresh JVM (recovery line)",
                recovered.snapshotMs(), kCold);
        kryo.append(res, md, "snapshot.kryoCold", "raw Kryo read, fresh JVM (same restart, before recovery)", kCold,
                Double.NaN);
        md.append("\nWhole checkpoints in that run: the first (no previous snapshot: replays the ")
                .append(count(value(fromLog, "records"))).append(" records of the initial load) took ")
                .append(ms(value(fromLog, "wallMs"))).append(" (replay ").append(ms(value(fromLog, "replayMillis")))
                .append(", write ").append(ms(value(fromLog, "writeMillis"))).append("); the next ones ");
        for (int i = 0; i < rs.size(); i++) {
            md.append(i == 0 ? "" : ", ").append(ms(value(rs.get(i), "wallMs")));
        }
        md.append(" (load + replay + write). Attaching the ").append(count(n)).append(" objects in the first place (tracked")
                .append(" `put`s in `@Atomic` batches of 1,000) ran at ").append(count(value(build, "objectsPerSec")))
                .append(" objects/s. Snapshot file ").append(mb(bytes)).append(" vs Kryo ").append(mb(kBytes))
                .append(" (").append(String.format(Locale.ROOT, "%.1f", bytes / kBytes)).append("×: a snapshot is a sequence of")
                .append(" log records, NEW + IMAGE per object with field numbers, plus one RESET record for the map).\n");
        md.append("\nRecovery line: `").append(recovered.line()).append("`\n");
        checkpointErrors(md, run, checkpoints);
    }

    /** The objects and bytes of one side (Lazarus or Kryo): a table row per operation timed on them. */
    private record Row(double objects, double bytes) {
        void append(Results res, StringBuilder md, String key, String what, double millis, double baselineMillis) {
            res.put(key + ".ms", millis);
            res.csv("snapshot", what, millis, "ms", count(objects) + " objects, " + mb(bytes));
            md.append("| ").append(what).append(" | ").append(count(objects)).append(" | ").append(mb(bytes)).append(" | ")
                    .append(ms(millis)).append(" | ").append(count(objects / (millis / 1000))).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", bytes / 1e6 / (millis / 1000))).append(" | ")
                    .append(Double.isNaN(baselineMillis) ? "1 (baseline)"
                            : String.format(Locale.ROOT, "**%.1f×**", millis / baselineMillis))
                    .append(" |\n");
        }
    }

    /** {@code Lazarus.checkpoint()} may throw after its snapshot file is complete: the figures stand, the errors are shown. */
    private static void checkpointErrors(StringBuilder md, Child run, List<Map<String, String>> checkpoints) {
        long failed = SnapshotSection.checkpointErrors(checkpoints);
        if (failed == 0) {
            return;
        }
        String marker = "CHECKPOINT-ERROR ";
        md.append("\n**`Lazarus.checkpoint()` threw** in ").append(failed).append(" of ").append(checkpoints.size())
                .append(" calls, after the snapshot file was complete (the figures above are those of the snapshot it had")
                .append(" written): ");
        for (String e : run.linesWith(marker)) {
            md.append('`').append(e.substring(e.indexOf(marker) + marker.length())).append("` ");
        }
        md.append("(see Observations).\n");
    }
}
