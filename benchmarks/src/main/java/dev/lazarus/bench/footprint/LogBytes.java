package dev.lazarus.bench.footprint;

import dev.lazarus.Lazarus;
import dev.lazarus.bench.Child;
import dev.lazarus.bench.recovery.EngineStats;

/**
 * Under the agent: {@code ops} changes of each kind, and the log records and payload bytes (with
 * their CRC) that each kind appends, from the redo log's own counters. Prints {@code FIG bytes.<kind>}.
 *
 * <pre>LogBytes OPS</pre>
 */
public final class LogBytes {
    private LogBytes() {
    }

    public static void main(String[] args) {
        int ops = Integer.parseInt(args[0]);
        if (!Lazarus.isActive()) {
            throw new IllegalStateException("run with the agent");
        }
        Probe p = new Probe();
        Probe q = new Probe();
        Probe.probes.put("p", p); // a root of type Map: created in a @Durable class, hence tracked
        Probe.probes.put("q", q);
        measure("long", ops, () -> {
            for (int i = 1; i <= ops; i++) {
                p.value = i * 1_000_003L;
            }
        });
        measure("String", ops, () -> {
            for (int i = 1; i <= ops; i++) {
                p.name = (i & 1) == 0 ? "alpha" : "beta";
            }
        });
        measure("reference", ops, () -> {
            for (int i = 1; i <= ops; i++) {
                p.other = (i & 1) == 0 ? q : null;
            }
        });
        measure("arrayElement", ops, () -> {
            for (int i = 1; i <= ops; i++) {
                p.slots[i & 15] = i * 1_000_003L;
            }
        });
        measure("collectionPut", ops, () -> {
            for (int i = 1; i <= ops; i++) {
                p.map.put(i & 1023, i * 1_000_003L);
            }
        });
        measure("atomicTransfer", ops, () -> {
            for (int i = 1; i <= ops; i++) {
                p.transfer(q, 1);
            }
        });
        System.exit(0);
    }

    private static void measure(String kind, int ops, Runnable work) {
        long[] before = EngineStats.logCounters();
        work.run();
        long[] after = EngineStats.logCounters();
        Child.fig("bytes." + kind, "ops", ops, "records", after[0] - before[0], "bytes", after[1] - before[1]);
    }
}
