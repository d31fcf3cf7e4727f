package dev.lazarus.bench.footprint;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.HashMap;
import java.util.Map;

/** The tracked object of the log-size figures: one field of each kind the write path benchmark logs. */
@Durable
public class Probe {
    /** The root that attaches the probes. */
    @Durable
    static Map<String, Probe> probes = new HashMap<>();

    long value;
    String name;
    Probe other;
    long[] slots = new long[16];
    final Map<Integer, Long> map = new HashMap<>();

    @Atomic
    public void transfer(Probe to, long amount) {
        value -= amount;
        to.value += amount;
    }
}
