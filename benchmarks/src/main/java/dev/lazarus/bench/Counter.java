package dev.lazarus.bench;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

/** Tracked state for the write benchmarks. */
@Durable
public class Counter {
    long value;
    String name;
    Counter other;
    long[] slots = new long[16];

    @Atomic
    public void transfer(Counter to, long amount) {
        value -= amount;
        to.value += amount;
    }
}
