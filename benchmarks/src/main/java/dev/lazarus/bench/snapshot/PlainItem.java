package dev.lazarus.bench.snapshot;

/** The same shape as {@link Item}, untracked: the raw Kryo baseline's graph. */
public class PlainItem {
    long id;
    long value;
    int count;

    public PlainItem() {
    }

    PlainItem(long id, long value, int count) {
        this.id = id;
        this.value = value;
        this.count = count;
    }
}
