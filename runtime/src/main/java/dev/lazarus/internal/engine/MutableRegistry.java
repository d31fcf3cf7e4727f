package dev.lazarus.internal.engine;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which attached object's field holds each mutable JDK value ({@link MutableValues}), so that a
 * mutating call can log the field again. Keys are held weakly and compared by identity ({@code BitSet}
 * defines {@code equals} by content). An entry can go stale when the field is overwritten later;
 * the engine checks that the owner's field still holds the value before it logs anything.
 *
 * <p>Lookups are on every mutating call made from instrumented code (string building included), so
 * they take no lock and allocate nothing that escapes.
 */
final class MutableRegistry {
    /** The field that holds a value: its owner (weakly) and the field's number. */
    record Holder(WeakReference<Object> owner, int field) {
    }

    /** A registered value, weakly. */
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
            return this == o || (o instanceof Probe p && p.value == get()) || (o instanceof Key k && k.get() == get() && get() != null);
        }
    }

    /** A lookup key: a plain object, so that the JIT can keep it off the heap. */
    private static final class Probe {
        final Object value;
        final int hash;

        Probe(Object value) {
            this.value = value;
            this.hash = System.identityHashCode(value);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.get() == value;
        }
    }

    private final Map<Object, Holder> holders = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> dropped = new ReferenceQueue<>();
    /**
     * The types ({@link MutableValues#index}) of which a value was ever registered, read first: a
     * mutating call on a type with none attached (string concatenation in a class that holds only a
     * BitSet) costs one read and no lookup.
     */
    private volatile int types;

    void register(Object value, Object owner, int field) {
        for (Object k; (k = dropped.poll()) != null; ) {
            holders.remove(k);
        }
        holders.put(new Key(value, dropped), new Holder(new WeakReference<>(owner), field));
        synchronized (this) {
            types |= 1 << MutableValues.index(value.getClass());
        }
    }

    /** The holder registered last for {@code value}, or null. */
    Holder holderOf(Object value) {
        if ((types & (1 << MutableValues.index(value.getClass()))) == 0) {
            return null;
        }
        return holders.get(new Probe(value));
    }

    void forget(Object value) {
        holders.remove(new Probe(value));
    }
}
