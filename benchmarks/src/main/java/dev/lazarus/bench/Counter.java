package dev.lazarus.bench;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.HashMap;
import java.util.Map;

/** Tracked state for the write benchmarks. */
@Durable
public class Counter {
    long value;
    String name;
    Counter other;
    long[] slots = new long[16];
    final Map<Integer, Long> map = new HashMap<>(); // created in a @Durable class: tracked

    @Atomic
    public void transfer(Counter to, long amount) {
        value -= amount;
        to.value += amount;
    }
}
