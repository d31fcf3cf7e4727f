package dev.lazarus.bench.snapshot;

import com.esotericsoftware.kryo.Kryo;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.lazarus.Lazarus;
import dev.lazarus.bench.Child;
import org.HdrHistogram.Histogram;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

import static dev.lazarus.bench.Child.fig;

/**
 * The application side of the snapshot figures, run under the agent by the benchmarks' snapshot
 * section. Results are printed on stdout as {@code FIG <name> key=value...} lines ({@link Child#fig}).
 *
 * <pre>
 * rates   N KRYO_FILE ROUNDS   build N items, snapshot them (from the log, then ROUNDS times from the
 *                              previous snapshot), and in each round write/read the same graph with raw Kryo
 * load    KRYO_FILE N          (restart) read the Kryo file cold, then recover (the recovery line has the load)
 * pause   N QUIET_S MIN_CKPTS MIN_CKPT_S RATE   a mutator doing RATE tracked writes/s measures each write's
 *                              latency while another thread takes snapshots; windows with and without
 * crash   N M OPEN             build N, snapshot, M logged writes, then OPEN writes in an @Atomic that never
 *                              ends; prints the figure ready (then the parent kills it with kill -9)
 * recover N M OPEN             (restart) recover and check the state
 * </pre>
 */
public final class GraphChild {
    static volatile boolean snapshotting;
    static volatile boolean stopMutator;

    private GraphChild() {
    }

    public static void main(String[] args) throws Exception {
        if (!Lazarus.isActive()) {
            throw new IllegalStateException("run with the Lazarus agent");
        }
        switch (args[0]) {
            case "rates" -> rates(Long.parseLong(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "load" -> load(Path.of(args[1]), Long.parseLong(args[2]));
            case "pause" -> pause(Long.parseLong(args[1]), Double.parseDouble(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]), Integer.parseInt(args[5]));
            case "crash" -> crash(Integer.parseInt(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
            case "recover" -> recover(Long.parseLong(args[1]), Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.out.flush();
        System.exit(0);
    }

    // ------------------------------------------------------------------ shared

    /** Recovers (an empty directory: nothing) and attaches N items, in transactions of 1000. */
    static Store build(long n) {
        long t0 = System.nanoTime();
        Store s = Store.root; // the first use: recovery runs here
        long t1 = System.nanoTime();
        for (long i = s.items.size(); i < n; i += 1000) {
            s.fill(i, Math.min(n, i + 1000));
        }
        long t2 = System.nanoTime();
        fig("build", "objects", n, "recoverMs", (t1 - t0) / 1_000_000, "ms", (t2 - t1) / 1_000_000,
                "objectsPerSec", n * 1e9 / Math.max(1, t2 - t1));
        return s;
    }

    /** Errors thrown by Lazarus.checkpoint() (after the snapshot file was complete), by message. */
    static final Map<String, Integer> CHECKPOINT_ERRORS = new java.util.TreeMap<>();

    /**
     * Lazarus.checkpoint() on this thread, with the agent's breakdown of it. An exception thrown
     * after the snapshot was taken (e.g. while pruning old log files) is recorded and reported,
     * not rethrown: the figures of the snapshot are still read from the engine.
     */
    static Map<String, String> checkpoint(String label) {
        Map<String, String> before = EngineProbe.lastTaken();
        long t0 = System.nanoTime();
        String error = null;
        try {
            Lazarus.checkpoint();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            synchronized (CHECKPOINT_ERRORS) {
                if (CHECKPOINT_ERRORS.merge(error, 1, Integer::sum) == 1) {
                    System.out.println("CHECKPOINT-ERROR " + label + ": " + error);
                    e.printStackTrace(System.out);
                }
            }
        }
        long t1 = System.nanoTime();
        Map<String, String> t = EngineProbe.lastTaken();
        if (t != null && before != null && t.get("position").equals(before.get("position"))) {
            t = null; // nothing new was taken
        }
        List<Object> kv = new ArrayList<>(List.of("label", label, "wallMs", (t1 - t0) / 1_000_000));
        if (t != null) {
            for (String k : new String[] {"objects", "bytes", "millis", "loadMillis", "replayMillis", "records", "position"}) {
                kv.add(k);
                kv.add(t.getOrDefault(k, "?"));
            }
            long write = Long.parseLong(t.get("millis")) - Long.parseLong(t.get("loadMillis"))
                    - Long.parseLong(t.get("replayMillis"));
            kv.add("writeMillis");
            kv.add(write);
        } else {
            kv.add("taken");
            kv.add("none");
        }
        kv.add("error");
        kv.add(error == null ? "none" : "yes");
        fig("checkpoint", kv.toArray());
        return t;
    }

    static Item[] byId(Store s, int n) {
        Item[] a = new Item[n];
        for (Map.Entry<Long, Item> e : s.items.entrySet()) {
            long id = e.getKey();
            if (id < n) {
                a[(int) id] = e.getValue();
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ rates

    static void rates(long n, Path kryoFile, int rounds) throws Exception {
        Store s = build(n);
        System.gc();
        checkpoint("fromLog");
        Item[] items = byId(s, (int) Math.min(n, 1000));
        Kryo kryo = KryoBaseline.kryo();
        for (int r = 1; r <= rounds; r++) {
            for (int i = 0; i < items.length; i++) {
                items[i].value++; // something new for the snapshot to cover
            }
            System.gc();
            checkpoint("round" + r);
            PlainStore plain = KryoBaseline.copyOf(s.items);
            System.gc();
            KryoBaseline.Pass w = KryoBaseline.write(kryo, plain, kryoFile);
            plain = null;
            System.gc();
            long[] ns = new long[1];
            PlainStore back = KryoBaseline.read(kryo, kryoFile, ns);
            if (back.items.size() != n) {
                throw new IllegalStateException("Kryo read " + back.items.size() + " items, expected " + n);
            }
            back = null;
            fig("kryo", "label", "round" + r, "objects", w.objects(), "bytes", w.bytes(), "writeMs", w.nanos() / 1e6,
                    "syncMs", w.syncNanos() / 1e6, "readMs", ns[0] / 1e6);
        }
    }

    static void load(Path kryoFile, long n) throws Exception {
        long[] ns = new long[1];
        PlainStore back = KryoBaseline.read(KryoBaseline.kryo(), kryoFile, ns);
        fig("kryoCold", "objects", back.items.size() + 2L, "bytes", java.nio.file.Files.size(kryoFile),
                "readMs", ns[0] / 1e6);
        back = null;
        System.gc();
        long t0 = System.nanoTime();
        Store s = Store.root;
        long t1 = System.nanoTime();
        if (s.items.size() != n) {
            throw new IllegalStateException("recovered " + s.items.size() + " items, expected " + n);
        }
        fig("recovered", "objects", s.items.size(), "nanos", t1 - t0);
    }

    // ------------------------------------------------------------------ pause

    private static final long WINDOW_NS = 100_000_000L;

    /** One 100 ms window of the mutator. */
    record Window(long startUptimeMs, long endUptimeMs, long ops, long maxOpNs, long maxLateNs, boolean snapshot,
                  long involuntarySwitches, long runQueueWaitNs, long slowBurstWallNs, long slowBurstCpuNs) {
    }

    record Gc(long startUptimeMs, long durationMs, String name, boolean snapshot) {
    }

    static void pause(long n, double quietS, int minCkpts, double minCkptS, int rate) throws Exception {
        Store s = build(n);
        System.gc();
        checkpoint("fromLog"); // later snapshots start from this one, as in steady state
        Item[] items = s.items.values().toArray(new Item[0]);
        System.gc();

        List<Gc> gcs = java.util.Collections.synchronizedList(new ArrayList<>());
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) bean).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    if (info.getGcName().contains("Cycles")) {
                        return; // ZGC/Shenandoah cycles run concurrently: their pauses come as "... Pauses"
                    }
                    gcs.add(new Gc(info.getGcInfo().getStartTime(), info.getGcInfo().getDuration(),
                            info.getGcName() + "/" + info.getGcAction(), snapshotting));
                }
            }, null, null);
        }

        Histogram opIn = new Histogram(3_600_000_000_000L, 3);
        Histogram opOut = new Histogram(3_600_000_000_000L, 3);
        Histogram lateIn = new Histogram(3_600_000_000_000L, 3);
        Histogram lateOut = new Histogram(3_600_000_000_000L, 3);
        List<Window> windows = new ArrayList<>();
        long uptimeAtStart = ManagementFactory.getRuntimeMXBean().getUptime();
        long nanoAtStart = System.nanoTime();
        Thread mutator = new Thread(() -> {
            SplittableRandom rnd = new SplittableRandom(42);
            final int burst = 50;
            final long period = burst * 1_000_000_000L / rate;
            long next = System.nanoTime();
            long windowStart = next;
            long ops = 0;
            long maxOp = 0;
            long maxLate = 0;
            boolean snap = false;
            long v = 0;
            long prevEnd = next;
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long switches = involuntarySwitches();
            long waited = runQueueWaitNs();
            long slowWall = 0; // the slowest burst of the window (wall > 1 ms): its wall and CPU time
            long slowCpu = 0;
            while (!stopMutator) {
                long now = System.nanoTime();
                // the stall: how long the thread was away beyond what it asked for (the park's target,
                // or nothing when it did not park): GC and safepoint pauses, descheduling, park overshoot
                long late = Math.max(0, now - Math.max(prevEnd, next));
                boolean d0 = snapshotting;
                (d0 ? lateIn : lateOut).recordValue(late);
                maxLate = Math.max(maxLate, late);
                long burstStart = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                for (int b = 0; b < burst; b++) {
                    Item it = items[rnd.nextInt(items.length)];
                    boolean d = snapshotting;
                    long t0 = System.nanoTime();
                    it.value = ++v; // a tracked write: one SET record appended to the log
                    long t1 = System.nanoTime();
                    d |= snapshotting;
                    long lat = t1 - t0;
                    (d ? opIn : opOut).recordValue(lat);
                    snap |= d;
                    maxOp = Math.max(maxOp, lat);
                    ops++;
                }
                prevEnd = System.nanoTime();
                if (prevEnd - burstStart > 1_000_000 && prevEnd - burstStart > slowWall) {
                    slowWall = prevEnd - burstStart;
                    slowCpu = threads.getCurrentThreadCpuTime() - cpuStart;
                    prevEnd = System.nanoTime();
                }
                next += period;
                now = prevEnd;
                if (now - windowStart >= WINDOW_NS) {
                    long sw = involuntarySwitches();
                    long wt = runQueueWaitNs();
                    windows.add(new Window(uptimeAtStart + (windowStart - nanoAtStart) / 1_000_000,
                            uptimeAtStart + (now - nanoAtStart) / 1_000_000, ops, maxOp, maxLate, snap,
                            sw - switches, wt - waited, slowWall, slowCpu));
                    switches = sw;
                    waited = wt;
                    slowWall = 0;
                    slowCpu = 0;
                    now = System.nanoTime();
                    prevEnd = now;
                    windowStart = now;
                    ops = 0;
                    maxOp = 0;
                    maxLate = 0;
                    snap = snapshotting;
                }
                if (now - next > 10_000_000L) {
                    next = now; // far behind (after a stall): do not burst to catch up
                }
                long sleep = next - now;
                if (sleep > 0) {
                    LockSupport.parkNanos(sleep);
                }
            }
        }, "mutator");
        mutator.setPriority(Thread.MAX_PRIORITY);
        mutator.start();

        Thread.sleep((long) (quietS * 1000));
        long c0 = System.nanoTime();
        List<Long> durations = new ArrayList<>();
        while (durations.size() < minCkpts || System.nanoTime() - c0 < minCkptS * 1e9) {
            snapshotting = true;
            long t0 = System.nanoTime();
            try {
                checkpoint("live" + (durations.size() + 1));
            } finally {
                snapshotting = false;
            }
            durations.add((System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(20);
        }
        long ckptPhaseMs = (System.nanoTime() - c0) / 1_000_000;
        Thread.sleep((long) (quietS * 1000));
        stopMutator = true;
        mutator.join();

        report("opIn", opIn);
        report("opOut", opOut);
        report("lateIn", lateIn);
        report("lateOut", lateOut);
        List<Gc> gcCopy;
        synchronized (gcs) {
            gcCopy = new ArrayList<>(gcs);
        }
        long gcMaxIn = gcCopy.stream().filter(Gc::snapshot).mapToLong(Gc::durationMs).max().orElse(0);
        long gcMaxOut = gcCopy.stream().filter(g -> !g.snapshot()).mapToLong(Gc::durationMs).max().orElse(0);
        long gcCountIn = gcCopy.stream().filter(Gc::snapshot).count();
        long gcCountOut = gcCopy.size() - gcCountIn;
        long winIn = windows.stream().filter(Window::snapshot).count();
        fig("pauseSummary", "objects", n, "rate", rate, "checkpoints", durations.size(), "checkpointPhaseMs", ckptPhaseMs,
                "checkpointMinMs", durations.stream().min(Long::compare).orElse(0L),
                "checkpointMaxMs", durations.stream().max(Long::compare).orElse(0L),
                "windowsIn", winIn, "windowsOut", windows.size() - winIn,
                "mutatorStartUptimeMs", uptimeAtStart, "gcCountIn", gcCountIn, "gcMaxInMs", gcMaxIn, "gcCountOut", gcCountOut, "gcMaxOutMs", gcMaxOut);
        for (boolean in : new boolean[] {true, false}) {
            long[] maxOps = windows.stream().filter(w -> w.snapshot() == in).mapToLong(Window::maxOpNs).sorted().toArray();
            long[] maxLates = windows.stream().filter(w -> w.snapshot() == in).mapToLong(Window::maxLateNs).sorted().toArray();
            fig("windows", "snapshot", in, "count", maxOps.length,
                    "medianMaxOpUs", maxOps.length == 0 ? 0.0 : maxOps[maxOps.length / 2] / 1e3,
                    "maxMaxOpUs", maxOps.length == 0 ? 0.0 : maxOps[maxOps.length - 1] / 1e3,
                    "medianMaxStallUs", maxLates.length == 0 ? 0.0 : maxLates[maxLates.length / 2] / 1e3,
                    "maxMaxStallUs", maxLates.length == 0 ? 0.0 : maxLates[maxLates.length - 1] / 1e3);
        }
        // the worst windows, with what the JVM's collector did in them
        List<Window> worst = new ArrayList<>(windows);
        worst.sort(Comparator.comparingLong(Window::maxOpNs).reversed());
        for (Window w : worst.subList(0, Math.min(5, worst.size()))) {
            windowFig("worstWindow", w, gcCopy, uptimeAtStart);
        }
        worst.sort(Comparator.comparingLong(Window::maxLateNs).reversed());
        for (Window w : worst.subList(0, Math.min(3, worst.size()))) {
            windowFig("worstStall", w, gcCopy, uptimeAtStart);
        }
        for (Gc g : gcCopy) {
            if (g.durationMs() >= 20) {
                fig("gc", "atMs", g.startUptimeMs() - uptimeAtStart, "ms", g.durationMs(), "name", g.name().replace(' ', '_'),
                        "snapshot", g.snapshot());
            }
        }
    }

    /** One window, with the GC pauses that overlap it. */
    static void windowFig(String name, Window w, List<Gc> gcs, long uptimeAtStart) {
        long gcMs = 0;
        long gcMax = 0;
        for (Gc g : gcs) {
            if (g.startUptimeMs() + g.durationMs() >= w.startUptimeMs() && g.startUptimeMs() <= w.endUptimeMs()) {
                gcMs += g.durationMs();
                gcMax = Math.max(gcMax, g.durationMs());
            }
        }
        fig(name, "atMs", w.startUptimeMs() - uptimeAtStart, "lengthMs", w.endUptimeMs() - w.startUptimeMs(),
                "snapshot", w.snapshot(), "ops", w.ops(), "maxOpUs", w.maxOpNs() / 1e3, "maxLateUs", w.maxLateNs() / 1e3,
                "involuntarySwitches", w.involuntarySwitches(), "runQueueWaitMs", w.runQueueWaitNs() / 1e6,
                "slowBurstMs", w.slowBurstWallNs() / 1e6, "slowBurstCpuMs", w.slowBurstCpuNs() / 1e6,
                "gcMsInWindow", gcMs, "gcMaxMs", gcMax);
    }

    /** Times this thread was preempted (Linux: /proc/thread-self/status), or -1. */
    static long involuntarySwitches() {
        try {
            for (String l : java.nio.file.Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (l.startsWith("nonvoluntary_ctxt_switches:")) {
                    return Long.parseLong(l.substring(l.indexOf(':') + 1).trim());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** Time this thread spent runnable but waiting for a CPU (Linux: /proc/thread-self/schedstat), in ns, or -1. */
    static long runQueueWaitNs() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split("\\s+");
            return Long.parseLong(f[1]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    static void report(String name, Histogram h) {
        fig("latency", "name", name, "count", h.getTotalCount(), "p50Us", h.getValueAtPercentile(50) / 1e3,
                "p99Us", h.getValueAtPercentile(99) / 1e3, "p999Us", h.getValueAtPercentile(99.9) / 1e3,
                "p9999Us", h.getValueAtPercentile(99.99) / 1e3, "maxUs", h.getMaxValue() / 1e3);
    }

    // ------------------------------------------------------------------ crash and recovery

    static void crash(int n, long m, int open) throws Exception {
        Store s = build(n);
        System.gc();
        checkpoint("base");
        Item[] items = byId(s, n);
        long t0 = System.nanoTime();
        for (long j = 1; j <= m; j++) {
            items[(int) (j % n)].value = j; // one SET record each, auto-commit
        }
        long t1 = System.nanoTime();
        fig("writes", "records", m, "ms", (t1 - t0) / 1_000_000, "perSec", m * 1e9 / Math.max(1, t1 - t0));
        s.openTransaction(items, open, -1, () -> {
            fig("ready");
            while (true) {
                LockSupport.park(); // the transaction stays open until kill -9
            }
        });
    }

    static void recover(long n, long m) {
        long t0 = System.nanoTime();
        Store s = Store.root;
        long t1 = System.nanoTime();
        long max = Long.MIN_VALUE;
        long rolledBackSeen = 0;
        for (Item i : s.items.values()) {
            max = Math.max(max, i.value);
            if (i.value == -1) {
                rolledBackSeen++;
            }
        }
        long expectedMax = Math.max(m, n - 1);
        boolean ok = s.items.size() == n && max == expectedMax && rolledBackSeen == 0;
        fig("recovered", "objects", s.items.size(), "nanos", t1 - t0, "maxValue", max,
                "expectedMax", expectedMax, "uncommittedSeen", rolledBackSeen, "check", ok ? "ok" : "FAILED");
    }
}
