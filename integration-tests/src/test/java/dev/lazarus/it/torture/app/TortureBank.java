package dev.lazarus.it.torture.app;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

/**
 * The bank of the torture test. Its accounts fall into groups, each guarded its own way, and a
 * transfer stays inside one group:
 * <ul>
 *   <li>each thread's own accounts (disjoint objects), under the thread's teller monitor;</li>
 *   <li>shared accounts under their explicit {@link java.util.concurrent.locks.ReentrantLock}s, taken
 *       and released inside an {@code @Atomic} method's body;</li>
 *   <li>shared accounts under their monitors ({@code synchronized} blocks inside an {@code @Atomic} method);</li>
 *   <li>shared accounts under the bank's monitor ({@code @Atomic synchronized} method).</li>
 * </ul>
 */
@Durable
public class TortureBank {
    static final long INITIAL = 1_000;
    static final int OWN = 3;
    static final int LOCKED = 5;
    static final int MONITORED = 5;
    static final int BANKED = 4;

    Account[] accounts;
    Teller[] tellers;

    public TortureBank() {
    }

    boolean isOpen() {
        return tellers != null;
    }

    /** Accounts: [own of thread 0..T-1][locked][monitored][banked]. */
    @Atomic
    synchronized void open(int threads) {
        Account[] a = new Account[threads * OWN + LOCKED + MONITORED + BANKED];
        for (int i = 0; i < a.length; i++) {
            a[i] = new Account(i, INITIAL);
        }
        Teller[] t = new Teller[threads];
        for (int i = 0; i < threads; i++) {
            t[i] = new Teller(i);
        }
        accounts = a;
        tellers = t;
    }

    @Atomic
    void own(Teller teller, Account from, Account to, long amount, long seq) {
        synchronized (teller) {
            move(from, to, amount, Steps.tag(teller.id, seq));
            teller.seq = seq;
        }
    }

    @Atomic
    void locked(Teller teller, Account from, Account to, long amount, long seq) {
        Account first = from.id < to.id ? from : to;
        Account second = first == from ? to : from;
        first.lock.lock();
        try {
            second.lock.lock();
            try {
                move(from, to, amount, Steps.tag(teller.id, seq));
                teller.seq = seq;
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
        }
    }

    @Atomic
    void monitored(Teller teller, Account from, Account to, long amount, long seq) {
        Account first = from.id < to.id ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                move(from, to, amount, Steps.tag(teller.id, seq));
                teller.seq = seq;
            }
        }
    }

    @Atomic
    synchronized void banked(Teller teller, Account from, Account to, long amount, long seq) {
        move(from, to, amount, Steps.tag(teller.id, seq));
        teller.seq = seq;
    }

    private static void move(Account from, Account to, long amount, long tag) {
        from.apply(-amount, tag);
        to.apply(amount, tag);
    }
}
