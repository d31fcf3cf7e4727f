package dev.lazarus.it.apps.atomic;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;
import dev.lazarus.it.apps.Show;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Durable
public class Ledger {
    long a;
    long b;
    String note = "none";
    int[] slots = new int[3];
    final List<String> entries = new ArrayList<>();
    final Map<String, Entry> byKey = new TreeMap<>();
    Entry last;
    long outside;          // written by auto-commit writes only

    @Durable
    public static class Entry implements Show.Labeled {
        String key;
        long amount;

        public Entry() {
        }

        Entry(String key, long amount) {
            this.key = key;
            this.amount = amount;
        }

        @Override
        public String label() {
            return "Entry(" + key + "=" + amount + ")";
        }
    }

    /** A completed transaction: all of it must be there after the crash. */
    @Atomic
    public synchronized void completed(long amount) {
        a += amount;
        b -= amount;
        note = "completed " + amount;
        slots[0] = (int) amount;
        entries.add("completed-" + amount);
        Entry e = new Entry("c" + amount, amount);
        byKey.put(e.key, e);
        last = e;
        nested(amount);
    }

    @Atomic
    void nested(long amount) {
        slots[1] = (int) amount * 2;
        entries.add("nested-" + amount);
    }

    /** Throws after its writes: the transaction still commits what memory holds. */
    @Atomic
    public synchronized void throwing(long amount) {
        a += amount;
        note = "throwing " + amount;
        entries.add("throwing-" + amount);
        byKey.put("t" + amount, new Entry("t" + amount, amount));
        throw new IllegalStateException("thrown on purpose after the writes");
    }

    /** Calls an @Atomic method that throws, catches, writes more: one transaction, all committed. */
    @Atomic
    public synchronized void catching(long amount) {
        try {
            throwing(amount);
        } catch (IllegalStateException expected) {
            b += amount;
            entries.add("caught-" + amount);
        }
    }

    /** Makes its writes, announces HALF, and blocks inside the transaction until the JVM is killed. */
    @Atomic
    public void halfway(Runnable announce) throws InterruptedException {
        synchronized (this) {
            a = -999;
            b = -999;
            note = "HALFWAY";
            slots[0] = -1;
            slots[2] = -3;
            entries.add("halfway");
            entries.remove(0);
            Entry e = new Entry("h", -1);
            byKey.put("h", e);
            byKey.remove("c1");
            last.amount = -12345;               // a field of an object attached before
            last = e;
            nested(-7);
        }
        announce.run();
        Thread.sleep(Long.MAX_VALUE);
    }
}
