package dev.lazarus.internal.cluster;

import java.util.List;

/**
 * One entry of a distributed map as a member stores it: a value, or a tombstone (a removal), with
 * the version of the write that made it. Higher versions win everywhere, so copies that arrive
 * late or twice change nothing.
 */
record Versioned(long version, Object value) {
    boolean tombstone() {
        return value == null;
    }

    /** The form kept in the logged local share: {@code List.of(version, value)}, or {@code List.of(version)} for a tombstone. */
    List<Object> stored() {
        return value == null ? List.of(version) : List.of(version, value);
    }

    static Versioned of(Object stored) {
        List<?> l = (List<?>) stored;
        return new Versioned((Long) l.get(0), l.size() > 1 ? l.get(1) : null);
    }
}
