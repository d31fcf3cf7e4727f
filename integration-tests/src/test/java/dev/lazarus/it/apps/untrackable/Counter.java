package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

/** Fields a lock-free class would update through handles: tracked, so such handles are refused. */
@Durable
public class Counter {
    volatile long hits;
    volatile int misses;
    volatile String last;
    final String id = "c1";
    transient volatile long scratch;
}
