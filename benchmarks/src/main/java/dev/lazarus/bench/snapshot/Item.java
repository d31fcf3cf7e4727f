package dev.lazarus.bench.snapshot;

import dev.lazarus.Durable;

/** One small tracked object of the snapshot benchmarks: three primitive fields. */
@Durable
public class Item {
    long id;
    long value;
    int count;

    public Item() {
    }

    Item(long id, long value) {
        this.id = id;
        this.value = value;
        this.count = (int) (id & 0xff);
    }
}
