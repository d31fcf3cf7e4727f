package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.Map;
import java.util.Objects;

/**
 * A map entry handed out by a tracked map's entry set: {@code setValue} writes through to the
 * entry and logs {@code MAP_PUT}, or, for an access-ordered {@code LinkedHashMap}, a
 * {@code RESET}: there {@code setValue} does not move the entry but a replayed {@code put} would.
 */
final class LoggingEntry<K, V> implements Map.Entry<K, V> {
    private final Owner owner;
    private final Map.Entry<K, V> entry;
    private final boolean resetOnSet;

    LoggingEntry(Owner owner, Map.Entry<K, V> entry, boolean resetOnSet) {
        this.owner = owner;
        this.entry = entry;
        this.resetOnSet = resetOnSet;
    }

    @Override
    public K getKey() {
        return entry.getKey();
    }

    @Override
    public V getValue() {
        return entry.getValue();
    }

    @Override
    public V setValue(V value) {
        V old = entry.setValue(Owner.admit(owner, value));
        if (resetOnSet) {
            Owner.reset(owner);
        } else {
            Owner.log(owner, CollectionOp.MAP_PUT, 0, entry.getKey(), value);
        }
        return old;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Map.Entry<?, ?> e
                && Objects.equals(getKey(), e.getKey())
                && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
        return getKey() + "=" + getValue();
    }
}
