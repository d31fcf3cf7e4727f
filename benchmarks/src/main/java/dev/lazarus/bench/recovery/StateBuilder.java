package dev.lazarus.bench.recovery;

import dev.lazarus.Lazarus;
import dev.lazarus.bench.Child;

import java.util.SplittableRandom;

/**
 * Under the agent: builds {@code objects} cells (transactions of 10,000), takes a snapshot
 * ({@link Lazarus#checkpoint()}), then makes {@code records} logged writes to random cells (one
 * record each), prints {@code FIG built}, and waits to be killed with {@code kill -9}.
 *
 * <pre>StateBuilder OBJECTS RECORDS</pre>
 */
public final class StateBuilder {
    private StateBuilder() {
    }

    public static void main(String[] args) throws InterruptedException {
        int objects = Integer.parseInt(args[0]);
        long records = Long.parseLong(args[1]);
        if (!Lazarus.isActive()) {
            throw new IllegalStateException("run with the agent");
        }
        Ledger ledger = Ledger.root;
        long t0 = System.nanoTime();
        ledger.fill(objects);
        long t1 = System.nanoTime();
        Lazarus.checkpoint();
        long t2 = System.nanoTime();
        Cell[] cells = new Cell[objects];
        for (int i = 0; i < objects; i++) {
            cells[i] = ledger.cell(i);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (long i = 1; i <= records; i++) {
            cells[random.nextInt(objects)].value = i;
        }
        long t3 = System.nanoTime();
        Child.fig("built", "objects", objects, "records", records, "fillNanos", t1 - t0, "checkpointNanos", t2 - t1,
                "writeNanos", t3 - t2, "sum", ledger.sum());
        Thread.sleep(Long.MAX_VALUE);
    }
}
