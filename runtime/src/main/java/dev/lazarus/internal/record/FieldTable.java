package dev.lazarus.internal.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the tracked fields of this run. The instrumentation asks for a field's number when it
 * generates the field's setter, and the engine asks for the same number when it logs an object's
 * image; the log names each number once per run (a FIELD record), so the numbers never need to be
 * stable across runs.
 */
public final class FieldTable {
    /** One tracked field: its owner's binary name ({@code a.b.C}), name and JVM descriptor. */
    public record Entry(int id, String className, String name, String descriptor) {
    }

    private static final ConcurrentHashMap<String, Entry> BY_KEY = new ConcurrentHashMap<>();
    private static final List<Entry> BY_ID = new ArrayList<>();

    private FieldTable() {
    }

    /** The number of a field, assigned on first request; {@code className} is a binary name. */
    public static int id(String className, String name, String descriptor) {
        String key = className + '#' + name + ':' + descriptor;
        Entry e = BY_KEY.get(key);
        if (e != null) {
            return e.id();
        }
        synchronized (BY_ID) {
            e = BY_KEY.get(key);
            if (e == null) {
                // ids start at 1 so that 0 never names a field
                e = new Entry(BY_ID.size() + 1, className, name, descriptor);
                BY_ID.add(e);
                BY_KEY.put(key, e);
            }
            return e.id();
        }
    }

    public static Entry entry(int id) {
        synchronized (BY_ID) {
            return BY_ID.get(id - 1);
        }
    }
}
