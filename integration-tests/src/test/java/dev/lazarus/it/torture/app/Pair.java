package dev.lazarus.it.torture.app;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two balances moved by {@code @Atomic} methods that take an explicit lock inside their body,
 * plus a count of deposits: {@code a + b == 200 + deposits} in every consistent state.
 */
@Durable
public class Pair {
    long a = 100;
    long b = 100;
    long deposits;
    long unguarded;
    final transient ReentrantLock lock = new ReentrantLock();

    public Pair() {
    }

    /** Moves money, releases the lock, then (still inside the transaction) waits on {@code after}. */
    @Atomic
    void moveThenWait(long amount, CountDownLatch released, CountDownLatch after) throws InterruptedException {
        lock.lock();
        try {
            a -= amount;
            b += amount;
        } finally {
            lock.unlock();
        }
        released.countDown();
        after.await(); // e.g. logging, a call to another service: the transaction has not returned yet
    }

    /** Moves money and waits on {@code after} while still holding the lock. */
    @Atomic
    void moveHolding(long amount, CountDownLatch moved, CountDownLatch after) throws InterruptedException {
        lock.lock();
        try {
            a -= amount;
            b += amount;
            moved.countDown();
            after.await();
        } finally {
            lock.unlock();
        }
    }

    @Atomic
    void deposit(long amount) {
        lock.lock();
        try {
            b += amount;
            deposits += amount;
        } finally {
            lock.unlock();
        }
    }
}
