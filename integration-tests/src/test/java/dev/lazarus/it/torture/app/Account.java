package dev.lazarus.it.torture.app;

import dev.lazarus.Durable;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/** An account of the tortured bank: its balance, how many transfers touched it, and the last ones. */
@Durable
public class Account {
    static final int WINDOW = 12;

    int id;
    long balance;
    long version;
    final ArrayDeque<Long> recent = new ArrayDeque<>();
    /** Guards the accounts of the explicitly locked group; not state (recreated by the constructor). */
    final transient ReentrantLock lock = new ReentrantLock();

    public Account() {
    }

    Account(int id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    /** One side of a transfer; the caller holds the account's guard. */
    void apply(long delta, long tag) {
        balance += delta;
        version++;
        recent.addLast(tag);
        if (recent.size() > WINDOW) {
            recent.removeFirst();
        }
    }
}
