package dev.lazarus.bench.recovery;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.HashMap;
import java.util.Map;

/** The root of the recovery and footprint figures: cells by id, in a tracked map. */
@Durable
public class Ledger {
    /** The root: the first access to this class recovers it (or finds an empty data directory). */
    @Durable
    public static Ledger root = new Ledger();

    final Map<Integer, Cell> cells = new HashMap<>(); // created in a @Durable class: tracked

    /** Adds cells [from, to) in one transaction. */
    @Atomic
    public void fill(int from, int to) {
        for (int i = from; i < to; i++) {
            cells.put(i, new Cell(i, i));
        }
    }

    /** Adds cells [0, n) in transactions of 10,000. */
    public void fill(int n) {
        for (int i = 0; i < n; i += 10_000) {
            fill(i, Math.min(n, i + 10_000));
        }
    }

    public int size() {
        return cells.size();
    }

    public Cell cell(int id) {
        return cells.get(id);
    }

    /** A checksum of the values (so that a recovery is checked, not just timed). */
    public long sum() {
        long s = 0;
        for (Cell c : cells.values()) {
            s += c.value;
        }
        return s;
    }
}
