package dev.lazarus.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * §5: the figures of issue [snapshots], each measured with its baseline in the same run, by child
 * JVMs under the agent on fresh data directories:
 *
 * <ol>
 * <li>{@code rates}: snapshot write and load against raw Kryo on the same graph ({@link SnapshotRates});
 * <li>{@code pause}: the app-visible pause while snapshots are taken ({@link SnapshotPause});
 * <li>{@code recovery}: recovery after a real {@code kill -9} with log records after the snapshot,
 *     against a raw Chronicle tailer over the same files ({@link SnapshotRecovery});
 * <li>{@code disk}: disk use under a steady workload ({@link SnapshotDisk}).
 * </ol>
 *
 * Not part of the default run: it takes about 15 minutes ({@code --quick}: about 3) and the
 * 10M-object pause run needs ~13 GB of RAM. {@code --only=snapshot}, {@code --snapshot=pause,...}
 * for some of its parts.
 */
final class SnapshotSection {
    static final String TITLE = "5. Snapshots";
    static final List<String> PARTS = List.of("rates", "pause", "recovery", "disk");
    /** Snapshots only when a figure asks for one ({@code Lazarus.checkpoint()}), so that their times are its own. */
    static final String NO_AUTO_SNAPSHOTS = "snapshotInterval=off,snapshotLogBytes=off";

    /** One figure of the section; it appends its table to {@code md}. */
    private interface Part {
        void run(Ctx ctx, Results res, StringBuilder md) throws Exception;
    }

    private SnapshotSection() {
    }

    static void run(Ctx ctx, Results res) {
        Set<String> chosen = ctx.parts("snapshot").isEmpty() ? Set.copyOf(PARTS) : ctx.parts("snapshot");
        if (!PARTS.containsAll(chosen)) {
            throw new IllegalArgumentException("--snapshot takes " + PARTS + ", not " + chosen);
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("rates", SnapshotRates::run);
        parts.put("pause", SnapshotPause::run);
        parts.put("recovery", SnapshotRecovery::run);
        parts.put("disk", SnapshotDisk::run);
        StringBuilder md = res.section(TITLE);
        md.append("Child JVMs run with the agent on a fresh data directory, default G1, `-Xms` = `-Xmx`. MB = 10^6 bytes. ")
                .append("Their outputs, GC and safepoint logs and command lines are in `benchmarks/target/bench-logs/snapshot-*`.\n");
        for (Map.Entry<String, Part> p : parts.entrySet()) {
            if (chosen.contains(p.getKey())) {
                runPart(ctx, res, md, p.getKey(), p.getValue());
            }
        }
    }

    /**
     * One part, with its time and the machine's load around it (the cores are shared: a figure
     * taken under load says so); a failed part is reported and the next one still runs.
     */
    private static void runPart(Ctx ctx, Results res, StringBuilder md, String name, Part part) {
        String loadBefore = Machine.loadAverage();
        long t0 = System.nanoTime();
        ctx.progress("  snapshot " + name);
        try {
            part.run(ctx, res, md);
            md.append("\n_This part took ").append((System.nanoTime() - t0) / 1_000_000_000).append(" s; 1-minute load")
                    .append(" average of the machine (").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, shared with other builds and tests) at its start and end: ").append(loadBefore)
                    .append(" → ").append(Machine.loadAverage()).append("._\n");
        } catch (Exception e) {
            e.printStackTrace();
            res.problems.add("snapshot " + name + " failed: " + e.getMessage());
            md.append("\n**The ").append(name).append(" figure failed:** `").append(String.valueOf(e).replace('\n', ' '))
                    .append("` (see the child logs).\n");
            ctx.progress("  snapshot " + name + " FAILED: " + e.getMessage());
        }
    }

    /**
     * Starts a child JVM of these figures: Chronicle's flags (the raw tailer uses its own Chronicle),
     * {@code heap} (e.g. {@code "-Xms4g -Xmx4g"}), a GC and safepoint log next to its output, and the
     * agent on {@code dir} with {@code options} (no agent if {@code dir} is null).
     */
    static Child start(Ctx ctx, String name, String heap, Path dir, String options, String main, List<String> args,
                       String... jvm) {
        String label = "snapshot-" + name;
        List<String> a = new ArrayList<>(List.of(Jmh.CHRONICLE_FLAGS));
        a.addAll(List.of(heap.split(" ")));
        a.add("-Xlog:gc,safepoint:file=" + ctx.logs.resolve(label + "-gc.log"));
        a.addAll(List.of(jvm));
        if (dir != null) {
            a.add("-javaagent:" + ctx.agent + "=dir=" + dir + "," + options);
        }
        return Child.start(ctx, label, a, main, args);
    }

    /** How many of a child's {@code checkpoint} figures say that {@code Lazarus.checkpoint()} threw. */
    static long checkpointErrors(List<Map<String, String>> checkpoints) {
        return checkpoints.stream().filter(m -> "yes".equals(m.get("error"))).count();
    }
}
