package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link HashMap} that logs its changes while attached ({@code lzOid != 0}), one record per
 * key: after an operation on a key, {@code MAP_PUT} of what the key now maps to, or
 * {@code MAP_REMOVE} if it went. The key set, values and entry set are logging views.
 */
public class TrackedHashMap<K, V> extends HashMap<K, V> implements Owner {
    private static final long serialVersionUID = 1L;

    private transient long lzOid;
    private transient boolean lzMute;

    public TrackedHashMap() {
        super();
    }

    public TrackedHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    public TrackedHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    public TrackedHashMap(Map<? extends K, ? extends V> m) {
        super(m);
    }

    @Override
    public long $lz$oid() {
        return lzOid;
    }

    @Override
    public void $lz$oid(long oid) {
        lzOid = oid;
    }

    @Override
    public boolean $lz$logging() {
        return lzOid != 0 && !lzMute;
    }

    @Override
    public boolean $lz$mute(boolean mute) {
        boolean was = lzMute;
        lzMute = mute;
        return was;
    }

    private void log(int op, Object key, Object value) {
        if (lzOid != 0 && !lzMute) {
            Hooks.op(lzOid, op, 0, key, value);
        }
    }

    /** After an operation that leaves {@code key} mapped to {@code value}, or removed if null. */
    private void logResult(Object key, V value, int sizeBefore) {
        if (value != null) {
            log(CollectionOp.MAP_PUT, key, value);
        } else if (size() < sizeBefore) {
            log(CollectionOp.MAP_REMOVE, key, null);
        }
    }

    @Override
    public V put(K key, V value) {
        V old = super.put(Owner.admit(this, key), Owner.admit(this, value));
        log(CollectionOp.MAP_PUT, key, value);
        return old;
    }

    /**
     * One put per entry, as replay does them: HashMap.putAll sizes the table for the whole map
     * first, which can give another capacity, so another iteration order, than the replayed puts.
     */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        if (!$lz$logging()) {
            super.putAll(m);
            return;
        }
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public V remove(Object key) {
        int before = size();
        V old = super.remove(key);
        if (size() < before) {
            log(CollectionOp.MAP_REMOVE, key, null);
        }
        return old;
    }

    @Override
    public boolean remove(Object key, Object value) {
        boolean removed = super.remove(key, value);
        if (removed) {
            log(CollectionOp.MAP_REMOVE, key, null);
        }
        return removed;
    }

    @Override
    public void clear() {
        boolean had = !isEmpty();
        super.clear();
        if (had) {
            log(CollectionOp.CLEAR, null, null);
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        if ($lz$oid() != 0 && super.get(key) == null) {
            Owner.admit(this, key);
            Owner.admit(this, value);
        }
        V old = super.putIfAbsent(key, value);
        if (old == null) {
            log(CollectionOp.MAP_PUT, key, value);
        }
        return old;
    }

    @Override
    public V replace(K key, V value) {
        if ($lz$oid() != 0 && containsKey(key)) {
            Owner.admit(this, value);
        }
        V old = super.replace(key, value);
        if (old != null || ($lz$logging() && containsKey(key))) {
            log(CollectionOp.MAP_PUT, key, value);
        }
        return old;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        if ($lz$oid() != 0 && containsKey(key)) {
            Owner.admit(this, newValue);
        }
        boolean replaced = super.replace(key, oldValue, newValue);
        if (replaced) {
            log(CollectionOp.MAP_PUT, key, newValue);
        }
        return replaced;
    }

    /*
     * computeIfAbsent, compute and merge, once attached, are Map's default algorithms over the
     * logging get/put/remove: HashMap's own versions grow the table one insertion later than
     * put() does, so the replayed puts could end with another capacity, so another iteration
     * order. (A function that changes the map is then not met with a
     * ConcurrentModificationException.) A computeIfAbsent that finds the key logs nothing.
     */

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (!$lz$logging()) {
            return super.computeIfAbsent(key, mappingFunction);
        }
        Objects.requireNonNull(mappingFunction);
        V current = get(key);
        if (current != null) {
            return current;
        }
        V value = mappingFunction.apply(key);
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        int before = size();
        V value = super.computeIfPresent(key, Owner.admitting(this, remappingFunction));
        logResult(key, value, before);
        return value;
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (!$lz$logging()) {
            return super.compute(key, remappingFunction);
        }
        Objects.requireNonNull(remappingFunction);
        V old = get(key);
        V value = remappingFunction.apply(key, old);
        if (value != null) {
            put(key, value);
        } else if (old != null || containsKey(key)) {
            remove(key);
        }
        return value;
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        if (!$lz$logging()) {
            return super.merge(key, value, remappingFunction);
        }
        Objects.requireNonNull(value);
        Objects.requireNonNull(remappingFunction);
        V old = get(key);
        V merged = old == null ? value : remappingFunction.apply(old, value);
        if (merged == null) {
            remove(key);
        } else {
            put(key, merged);
        }
        return merged;
    }

    /** One RESET, logged even when the function throws half-way through. */
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        try {
            super.replaceAll(Owner.admitting(this, function));
        } finally {
            Owner.reset(this);
        }
    }

    @Override
    public Set<K> keySet() {
        return new SetView<>(this, super.keySet(), CollectionOp.MAP_REMOVE, 0, true);
    }

    @Override
    public Collection<V> values() {
        return new ValuesView<>(this, super.values(), super.entrySet(), true);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new EntrySetView<>(this, super.entrySet(), true, false);
    }

    /** The clone is detached: it copies this object's fields, the id among them. */
    @Override
    public Object clone() {
        TrackedHashMap<?, ?> c = (TrackedHashMap<?, ?>) super.clone();
        c.lzOid = 0;
        c.lzMute = false;
        return c;
    }
}
