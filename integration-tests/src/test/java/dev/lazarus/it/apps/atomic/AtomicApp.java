package dev.lazarus.it.apps.atomic;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Row: @Atomic. Build mode: two completed transactions, one that throws (directly) and one that
 * catches a nested throw; prints that state (STATE), then a thread enters an @Atomic method,
 * writes, prints HALF and blocks inside it; after that the main thread makes an auto-commit write
 * and prints AFTER-HALF. The test kills the JVM: after recovery none of the blocked method's
 * writes may be visible, everything else must be.
 */
public class AtomicApp {
    @Durable
    static Ledger ledger = new Ledger();

    static List<String> state() {
        Ledger l = ledger;
        List<String> out = Show.fields(l);
        out.add("last==byKey[last.key] " + (l.last != null && l.byKey.get(l.last.key) == l.last));
        return out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("check")) {
            Harness.emit("STATE", state());
            System.out.println("CHECKED");
            System.exit(0);
        }
        System.out.println("MAIN build");
        Ledger l = ledger;
        l.completed(1);
        l.completed(2);
        try {
            l.throwing(3);
        } catch (IllegalStateException expected) {
            System.out.println("thrown as expected");
        }
        l.catching(4);
        l.outside = 1;
        Harness.emit("STATE", state());            // what recovery must give back
        System.out.flush();

        CountDownLatch half = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                l.halfway(() -> {
                    System.out.println("HALF");
                    System.out.flush();
                    half.countDown();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "halfway");
        t.setDaemon(true);
        t.start();
        half.await();
        synchronized (l) {
            l.outside = 2;                          // auto-commit, after the open transaction's records
        }
        Harness.emit("EXPECTED-OUTSIDE", List.of(Show.v(l.outside)));
        System.out.println("AFTER-HALF");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
