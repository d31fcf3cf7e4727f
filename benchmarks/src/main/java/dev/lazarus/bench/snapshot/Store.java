package dev.lazarus.bench.snapshot;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.HashMap;
import java.util.Map;

/** The tracked graph of the snapshot benchmarks: N {@link Item}s in a map held by a root. */
@Durable
public class Store {
    /** The root: after a restart it holds the recovered store (recovery runs at this assignment). */
    @Durable
    static Store root = new Store();

    final Map<Long, Item> items = new HashMap<>(); // created in a @Durable class: tracked

    /** Adds items [from, to) in one transaction (a bulk load in batches). */
    @Atomic
    public void fill(long from, long to) {
        for (long i = from; i < to; i++) {
            items.put(i, new Item(i, i));
        }
    }

    /**
     * Writes {@code value} into {@code writes} items, then runs {@code inside} while the
     * transaction is still open (a crash there leaves it to be rolled back).
     */
    @Atomic
    public void openTransaction(Item[] targets, int writes, long value, Runnable inside) {
        for (int i = 0; i < writes; i++) {
            targets[i % targets.length].value = value;
        }
        inside.run();
    }
}
