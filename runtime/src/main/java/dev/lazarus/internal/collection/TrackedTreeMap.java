package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link TreeMap} that logs its changes while attached ({@code lzOid != 0}), one record per
 * key, like {@link TrackedHashMap}. Key sets, values, entry sets, sub-maps and the descending map
 * are logging views, nested as deep as the application likes; puts through a sub-map land in
 * this map and are logged. {@code firstEntry()} and the like are immutable snapshots.
 */
public class TrackedTreeMap<K, V> extends TreeMap<K, V> implements Owner {
    private static final long serialVersionUID = 1L;

    private transient long lzOid;
    private transient boolean lzMute;

    public TrackedTreeMap() {
        super();
    }

    public TrackedTreeMap(Comparator<? super K> comparator) {
        super(comparator);
    }

    public TrackedTreeMap(Map<? extends K, ? extends V> m) {
        super(m);
    }

    public TrackedTreeMap(SortedMap<K, ? extends V> m) {
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

    /** One logged put per entry; TreeMap.putAll may build the tree in one go instead. */
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

    /** TreeMap inherits this from Map, which calls remove(key): muted, logged once here. */
    @Override
    public boolean remove(Object key, Object value) {
        boolean muted = $lz$mute(true);
        boolean removed;
        try {
            removed = super.remove(key, value);
        } finally {
            lzMute = muted;
        }
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

    /** A hit changes nothing and is not logged: answered by get() before the JDK's method runs. */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (!$lz$logging()) {
            return super.computeIfAbsent(key, mappingFunction);
        }
        V current = get(key);
        if (current != null) {
            return current;
        }
        V value = super.computeIfAbsent(Owner.admit(this, key), Owner.admitting(this, mappingFunction));
        if (value != null) {
            log(CollectionOp.MAP_PUT, key, value);
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
        int before = size();
        V value = super.compute(Owner.admit(this, key), Owner.admitting(this, remappingFunction));
        logResult(key, value, before);
        return value;
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        int before = size();
        V result = super.merge(Owner.admit(this, key), Owner.admit(this, value), Owner.admitting(this, remappingFunction));
        logResult(key, result, before);
        return result;
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
    public Map.Entry<K, V> pollFirstEntry() {
        Map.Entry<K, V> e = super.pollFirstEntry();
        if (e != null) {
            log(CollectionOp.MAP_REMOVE, e.getKey(), null);
        }
        return e;
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        Map.Entry<K, V> e = super.pollLastEntry();
        if (e != null) {
            log(CollectionOp.MAP_REMOVE, e.getKey(), null);
        }
        return e;
    }

    // ---- views

    @Override
    public Set<K> keySet() {
        return navigableKeySet();
    }

    /**
     * The delegate is the key set of an unbounded sub-map, not TreeMap's own key set: that one
     * calls this map's subMap/headMap/tailMap/descendingMap, which return logging views, and then
     * casts them to the JDK's sub-map class.
     */
    @Override
    public NavigableSet<K> navigableKeySet() {
        return new NavigableSetView<>(this, super.descendingMap().descendingKeySet(), CollectionOp.MAP_REMOVE, 0, true);
    }

    @Override
    public NavigableSet<K> descendingKeySet() {
        return new NavigableSetView<>(this, super.descendingMap().navigableKeySet(), CollectionOp.MAP_REMOVE, 0, true);
    }

    @Override
    public Collection<V> values() {
        return new ValuesView<>(this, super.values(), super.entrySet(), true);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new EntrySetView<>(this, super.entrySet(), true, false);
    }

    @Override
    public NavigableMap<K, V> descendingMap() {
        return new NavigableMapView<>(this, super.descendingMap(), true);
    }

    @Override
    public NavigableMap<K, V> subMap(K from, boolean fromInclusive, K to, boolean toInclusive) {
        return new NavigableMapView<>(this, super.subMap(from, fromInclusive, to, toInclusive), false);
    }

    @Override
    public NavigableMap<K, V> headMap(K to, boolean inclusive) {
        return new NavigableMapView<>(this, super.headMap(to, inclusive), false);
    }

    @Override
    public NavigableMap<K, V> tailMap(K from, boolean inclusive) {
        return new NavigableMapView<>(this, super.tailMap(from, inclusive), false);
    }

    @Override
    public SortedMap<K, V> subMap(K from, K to) {
        return subMap(from, true, to, false);
    }

    @Override
    public SortedMap<K, V> headMap(K to) {
        return headMap(to, false);
    }

    @Override
    public SortedMap<K, V> tailMap(K from) {
        return tailMap(from, true);
    }

    /** The clone is detached: it copies this object's fields, the id among them. */
    @Override
    public Object clone() {
        TrackedTreeMap<?, ?> c = (TrackedTreeMap<?, ?>) super.clone();
        c.lzOid = 0;
        c.lzMute = false;
        return c;
    }
}
