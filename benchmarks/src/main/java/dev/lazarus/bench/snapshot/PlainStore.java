package dev.lazarus.bench.snapshot;

import java.util.HashMap;

/** The same shape as {@link Store}, untracked: the raw Kryo baseline's graph. */
public class PlainStore {
    HashMap<Long, PlainItem> items = new HashMap<>();

    public PlainStore() {
    }
}
