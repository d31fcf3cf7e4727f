package dev.lazarus.internal.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of one distributed map that this member stores: a tracked map held by an internal
 * durable root, so every change goes through the redo log of this member's own {@code dir} and
 * is back after a restart. Entries carry versions and removals stay as tombstones, so a member
 * that was away can be brought up to date by copies in any order.
 */
final class LocalShare {
    private final Map<Object, Object> entries;

    LocalShare(Map<Object, Object> trackedEntries) {
        this.entries = trackedEntries;
    }

    /** Stores {@code e} unless this member has a version at least as new; returns what was there before. */
    synchronized Versioned apply(Object key, Versioned e) {
        Object old = entries.get(key);
        Versioned before = old == null ? null : Versioned.of(old);
        if (before == null || before.version() < e.version()) {
            entries.put(key, e.stored());
        }
        return before;
    }

    synchronized Versioned get(Object key) {
        Object v = entries.get(key);
        return v == null ? null : Versioned.of(v);
    }

    /** Drops {@code key} if it still holds {@code version} (a newer write since then stays). */
    synchronized void dropIf(Object key, long version) {
        Object v = entries.get(key);
        if (v != null && Versioned.of(v).version() == version) {
            entries.remove(key);
        }
    }

    synchronized List<Map.Entry<Object, Versioned>> snapshot() {
        List<Map.Entry<Object, Versioned>> out = new ArrayList<>(entries.size());
        entries.forEach((k, v) -> out.add(Map.entry(k, Versioned.of(v))));
        return out;
    }

    synchronized int size() {
        return entries.size();
    }
}
