package dev.lazarus.bench.recovery;

import dev.lazarus.bench.Child;

/**
 * Under the agent, on a data directory left by a killed JVM: the first access to the root
 * recovers it. Prints {@code FIG recovered} with the time that took inside this JVM and a
 * checksum of what came back, then exits.
 */
public final class Restart {
    private Restart() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Ledger ledger = Ledger.root;
        long t1 = System.nanoTime();
        Child.fig("recovered", "nanos", t1 - t0, "objects", ledger.size(), "sum", ledger.sum());
        if (Boolean.getBoolean("bench.normalExit")) { // e.g. to let a JFR recording be written
            System.exit(0);
        }
        Runtime.getRuntime().halt(0); // what happens after recovery is not measured
    }
}
