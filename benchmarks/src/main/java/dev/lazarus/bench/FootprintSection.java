package dev.lazarus.bench;

import dev.lazarus.bench.footprint.HeapChild;
import dev.lazarus.bench.footprint.LogBytes;
import dev.lazarus.bench.footprint.StartupApp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** §4: log bytes per change, heap bytes per tracked object, agent start-up time. */
final class FootprintSection {
    static final String AGENT = "sync=none,snapshotInterval=off,snapshotLogBytes=off";
    static final String[][] KINDS = {
        {"long", "`long` field write"},
        {"String", "`String` field write (\"alpha\" / \"beta\")"},
        {"reference", "reference write"},
        {"arrayElement", "`long[]` element write"},
        {"collectionPut", "`HashMap.put(Integer, Long)`"},
        {"atomicTransfer", "`@Atomic` transfer (2 writes + commit)"},
    };

    private FootprintSection() {
    }

    static void run(Ctx ctx, Results res) {
        StringBuilder md = res.section(OverheadSection.TITLE);
        logBytes(ctx, res, md);
        heap(ctx, res, md);
        startup(ctx, res, md);
    }

    private static void logBytes(Ctx ctx, Results res, StringBuilder md) {
        int ops = ctx.quick ? 100_000 : 200_000;
        Path dir = ctx.freshDir("logbytes").resolve("lazarus");
        try {
            Child c = Child.start(ctx, "footprint-logbytes", RecoverySection.agentJvm(ctx, dir, AGENT),
                    LogBytes.class.getName(), List.of(String.valueOf(ops)));
            md.append("\n**Log bytes per change**, from the redo log's own counters (records and payload bytes appended, ")
                    .append(String.format("%,d changes of each kind). Payload includes the 4-byte CRC32C; Chronicle adds a ", ops))
                    .append("4-byte header per record, and its index.\n\n");
            md.append("| change | records per change | payload bytes per change (incl. CRC) |\n|---|---:|---:|\n");
            for (String[] k : KINDS) {
                Map<String, String> f = c.await("bytes." + k[0], 300);
                double rec = Double.parseDouble(f.get("records")) / ops;
                double bytes = Double.parseDouble(f.get("bytes")) / ops;
                res.put("log.bytes." + k[0], bytes);
                res.put("log.records." + k[0], rec);
                res.csv("footprint", "log bytes per " + k[0], bytes, "bytes", Results.fmt(rec, 2) + " records");
                md.append("| ").append(k[1]).append(" | ").append(Results.fmt(rec, 2)).append(" | ")
                        .append(Results.fmt(bytes, 1)).append(" |\n");
            }
            c.waitExit(60);
            if (res.has("log.fileBytesPerRecord")) {
                md.append(String.format("%nIn the file, measured by the raw tailer on §3's log of `long` writes: %.1f payload bytes "
                        + "and %.1f bytes of `.cq4` file per record (header, alignment and index included); the raw baseline's "
                        + "16-byte record takes 20 bytes plus index.%n",
                        res.get("log.payloadPerRecord"), res.get("log.fileBytesPerRecord")));
            }
        } catch (RuntimeException e) {
            res.problems.add("log bytes failed: " + e.getMessage());
            md.append("\nLog bytes: failed: ").append(e.getMessage()).append("\n");
        } finally {
            Files2.deleteTree(dir.getParent());
        }
    }

    private static void heap(Ctx ctx, Results res, StringBuilder md) {
        int n = ctx.quick ? 200_000 : 1_000_000;
        double[] per = new double[2];
        for (int i = 0; i < 2; i++) {
            boolean agent = i == 0;
            Path dir = ctx.freshDir("heap").resolve("lazarus");
            try {
                List<String> jvm = agent ? RecoverySection.agentJvm(ctx, dir, AGENT, "-Xmx2g", "-XX:+UseSerialGC")
                        : new ArrayList<>(List.of("-Xmx2g", "-XX:+UseSerialGC"));
                Child c = Child.start(ctx, "footprint-heap-" + (agent ? "agent" : "plain"), jvm, HeapChild.class.getName(),
                        List.of(String.valueOf(n)));
                per[i] = Double.parseDouble(c.await("heap", 300).get("perObject"));
                c.waitExit(60);
            } catch (RuntimeException e) {
                res.problems.add("heap figure failed: " + e.getMessage());
                per[i] = Double.NaN;
            } finally {
                Files2.deleteTree(dir.getParent());
            }
        }
        res.put("heap.perObject.agent", per[0]);
        res.put("heap.perObject.plain", per[1]);
        res.csv("footprint", "heap per tracked object, with agent", per[0], "bytes", "cell + Integer key + HashMap node");
        res.csv("footprint", "heap per object, without agent", per[1], "bytes", "same classes, untracked");
        md.append(String.format("%n**Heap per tracked object.** %,d cells (an `int` and a `long`) in a `HashMap<Integer, Cell>`, ", n))
                .append("live heap after a full GC (serial collector) before and after, over the count; with the agent every ")
                .append("cell is attached (tracked map, tracked cells), without it the same classes are plain.\n\n")
                .append("| | bytes per object (cell + key + map entry) |\n|---|---:|\n")
                .append("| without the agent | ").append(Results.fmt(per[1], 1)).append(" |\n")
                .append("| with the agent, attached | ").append(Results.fmt(per[0], 1)).append(" |\n")
                .append("| **Lazarus's cost per tracked object** | ").append(Results.fmt(per[0] - per[1], 1)).append(" |\n")
                .append("\nWhile a snapshot is being built, the snapshot thread holds a second, shadow copy of the state ")
                .append("(see [snapshots.md](snapshots.md)).\n");
    }

    private static void startup(Ctx ctx, Results res, StringBuilder md) {
        int plain = 2_700;
        int durable = 300;
        int runs = ctx.quick ? 2 : 5;
        long t0 = System.nanoTime();
        Path cache = Path.of("benchmarks", "target", "startup-app").toAbsolutePath();
        Path big = StartupApp.build(cache, plain, durable, ctx.agent);
        Path tiny = StartupApp.build(cache, 0, 1, ctx.agent);
        ctx.progress(String.format("  start-up apps ready in %.1f s", (System.nanoTime() - t0) / 1e9));
        // [app][agent] -> wall times to ready
        List<List<Double>> ready = new ArrayList<>();
        List<List<Double>> exit = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ready.add(new ArrayList<>());
            exit.add(new ArrayList<>());
        }
        Path[] apps = {big, tiny};
        int[] durables = {durable, 1};
        for (int r = 0; r < runs + 1; r++) { // the first round warms the page cache and the agent's library cache
            for (int app = 0; app < 2; app++) {
                for (boolean agent : new boolean[] {true, false}) {
                    Path dir = ctx.freshDir("startup").resolve("lazarus");
                    try {
                        List<String> jvm = new ArrayList<>();
                        if (agent) {
                            jvm.add("-javaagent:" + ctx.agent + "=dir=" + dir);
                        }
                        jvm.add("-cp");
                        jvm.add(apps[app].toString());
                        long s = System.nanoTime();
                        Child c = Child.start(ctx, "startup-" + (app == 0 ? "big" : "tiny") + "-" + (agent ? "agent" : "plain"),
                                jvm, "gen.Main", List.of());
                        Map<String, String> f = c.await("ready", 120);
                        c.waitExit(60);
                        double e = (System.nanoTime() - s) / 1e6;
                        if (!f.get("objects").equals(String.valueOf(durables[app]))) {
                            throw new IllegalStateException("the start-up app attached " + f);
                        }
                        if (r > 0) {
                            ready.get(app * 2 + (agent ? 0 : 1)).add(c.nanosTo("ready") / 1e6);
                            exit.get(app * 2 + (agent ? 0 : 1)).add(e);
                        }
                    } finally {
                        Files2.deleteTree(dir.getParent());
                    }
                }
            }
        }
        double[] rd = new double[4];
        double[] ex = new double[4];
        for (int i = 0; i < 4; i++) {
            rd[i] = Results.median(ready.get(i));
            ex[i] = Results.median(exit.get(i));
        }
        res.put("startup.ready.agent", rd[0]);
        res.put("startup.ready.plain", rd[1]);
        res.put("startup.cost", rd[0] - rd[1]);
        res.put("startup.tiny.cost", rd[2] - rd[3]);
        res.csv("footprint", "start-up to ready, " + (plain + durable + 3) + " classes, with agent", rd[0], "ms", "median of " + runs);
        res.csv("footprint", "start-up to ready, " + (plain + durable + 3) + " classes, without agent", rd[1], "ms", "");
        res.csv("footprint", "start-up to ready, 4 classes, with agent", rd[2], "ms", "");
        res.csv("footprint", "start-up to ready, 4 classes, without agent", rd[3], "ms", "");
        md.append(String.format("%n**Agent start-up.** A generated app of %,d classes (%,d plain classes, %,d `@Durable` classes, ", plain + durable + 3, plain, durable))
                .append("a root, a main) that loads, instantiates and calls every class and attaches every durable object to the ")
                .append("root, then prints a line and exits; and the same generator's smallest app (one `@Durable` class, a root, a ")
                .append("main), to separate the agent's fixed cost from its cost per class. Each run ").append(runs)
                .append(" times with the agent (default options, a fresh data directory each time) and as many without, ")
                .append("interleaved, after a warm-up round. Medians of the wall time measured from outside the JVM.\n\n")
                .append("| app | without the agent: start → ready | with the agent: start → ready | **the agent's cost** | start → exit, without / with |\n")
                .append("|---|---:|---:|---:|---:|\n");
        String[] names = {String.format("%,d classes", plain + durable + 3), "4 classes"};
        for (int app = 0; app < 2; app++) {
            int a = app * 2;
            md.append("| ").append(names[app]).append(" | ").append(Results.num(rd[a + 1])).append(" ms | ")
                    .append(Results.num(rd[a])).append(" ms | **").append(Results.num(rd[a] - rd[a + 1])).append(" ms** | ")
                    .append(Results.num(ex[a + 1])).append(" / ").append(Results.num(ex[a])).append(" ms |\n");
        }
        md.append(String.format("%nPer class, beyond the fixed cost: %.2f ms for each of the %,d classes of the big app.%n",
                ((rd[0] - rd[1]) - (rd[2] - rd[3])) / (plain + durable), plain + durable));
    }
}
