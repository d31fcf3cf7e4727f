package dev.lazarus.bench;

import dev.lazarus.Durable;

import java.util.HashMap;
import java.util.Map;

/** The root that attaches the benchmark state, so that its writes are logged. */
@Durable
public class Roots {
    @Durable
    static Roots roots = new Roots();

    final Map<String, Counter> counters = new HashMap<>();

    /** Synchronized: benchmark threads attach their own counters at the same time, into one map. */
    static synchronized Counter attached(String name) {
        Counter c = new Counter();
        roots.counters.put(name, c);
        return c;
    }

    static Map<String, Counter> counters() {
        return roots.counters;
    }
}
