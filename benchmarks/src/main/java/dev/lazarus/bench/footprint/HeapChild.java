package dev.lazarus.bench.footprint;

import dev.lazarus.bench.Child;
import dev.lazarus.bench.recovery.Ledger;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap bytes per object: the live heap after {@code n} cells are added to the ledger (each with its
 * {@code Integer} key and map entry), minus the live heap before, over {@code n}. Run with the agent
 * (the ledger is a root: every cell is attached and tracked) and without it (the same classes, plain).
 *
 * <pre>HeapChild N</pre>
 */
public final class HeapChild {
    private HeapChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        Ledger ledger = Ledger.root; // with the agent: recovery of an empty directory, engine started
        ledger.fill(1);
        long before = liveHeap();
        ledger.fill(n);
        long after = liveHeap();
        Child.fig("heap", "objects", ledger.size(), "bytes", after - before,
                "perObject", (double) (after - before) / n);
        System.exit(0);
    }

    private static long liveHeap() throws InterruptedException {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, m.getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
