package dev.lazarus.internal.engine;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Which attached object's field holds each mutable JDK value ({@link MutableValues}), so that a
 * mutating call can log the field again. Keys are held weakly and compared by identity ({@code BitSet}
 * defines {@code equals} by content). An entry can go stale when the field is overwritten later;
 * the engine checks that the owner's field still holds the value before it logs anything.
 */
final class MutableRegistry {
    /** The field that holds a value: its owner (weakly) and the field's number. */
    record Holder(WeakReference<Object> owner, int field) {
    }

    private static final class Key extends WeakReference<Object> {
        final int hash;

        Key(Object value, ReferenceQueue<Object> queue) {
            super(value, queue);
            this.hash = System.identityHashCode(value);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            Object mine = get();
            return mine != null && o instanceof Key k && k.get() == mine;
        }
    }

    private final Map<Key, Holder> holders = new HashMap<>();
    private final ReferenceQueue<Object> dropped = new ReferenceQueue<>();
    /** Read first, so that mutating calls cost one read while no mutable value is attached. */
    private volatile boolean any;

    void register(Object value, Object owner, int field) {
        synchronized (holders) {
            for (Object k; (k = dropped.poll()) != null; ) {
                holders.remove(k);
            }
            holders.put(new Key(value, dropped), new Holder(new WeakReference<>(owner), field));
            any = true;
        }
    }

    /** The holder registered last for {@code value}, or null. */
    Holder holderOf(Object value) {
        if (!any) {
            return null;
        }
        Key probe = new Key(value, null);
        synchronized (holders) {
            return holders.get(probe);
        }
    }

    void forget(Object value) {
        synchronized (holders) {
            holders.remove(new Key(value, null));
        }
    }
}
