package dev.lazarus.bench.recovery;

import dev.lazarus.Lazarus;
import dev.lazarus.bench.Child;

/**
 * Under the agent: writes {@code records} logged long writes to one cell (one record each), prints
 * {@code FIG written}, then waits to be killed with {@code kill -9}.
 *
 * <pre>LogWriter RECORDS</pre>
 */
public final class LogWriter {
    private LogWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        long records = Long.parseLong(args[0]);
        if (!Lazarus.isActive()) {
            throw new IllegalStateException("run with the agent");
        }
        Ledger ledger = Ledger.root;
        ledger.fill(1);
        Cell c = ledger.cell(0);
        long[] before = EngineStats.logCounters();
        long t0 = System.nanoTime();
        for (long i = 1; i <= records; i++) {
            c.value = i;
        }
        long t1 = System.nanoTime();
        long[] after = EngineStats.logCounters();
        Child.fig("written", "records", records, "nanos", t1 - t0, "logRecords", after[0] - before[0],
                "logBytes", after[1] - before[1], "lastValue", c.value);
        Thread.sleep(Long.MAX_VALUE);
    }
}
