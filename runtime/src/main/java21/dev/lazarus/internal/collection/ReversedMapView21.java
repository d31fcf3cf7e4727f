package dev.lazarus.internal.collection;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@code reversed()} view of a tracked {@code LinkedHashMap} on Java 21+. It wraps the JDK's
 * reversed view, which passes every write to the tracked map's own (logging) methods and builds
 * its key set, values and entry set from the map's sequenced views (logging views too), so that
 * this class changes nothing but the one write the JDK's view makes behind the map's back:
 * {@code replaceAll}, which it logs as a {@code RESET} like the map's own.
 */
final class ReversedMapView21<K, V> extends AbstractMap<K, V> implements SequencedMap<K, V> {
    private final TrackedLinkedHashMap21<K, V> base;
    private final SequencedMap<K, V> rev;

    ReversedMapView21(TrackedLinkedHashMap21<K, V> base, SequencedMap<K, V> jdkReversed) {
        this.base = base;
        this.rev = jdkReversed;
    }

    // ---- the one write the JDK's view does not route through the map

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        try {
            rev.replaceAll(Owner.admitting(base, function));
        } finally {
            Owner.reset(base);
        }
    }

    @Override
    public SequencedMap<K, V> reversed() {
        return base;
    }

    // ---- everything else: the JDK's view, which calls the tracked map. Its sequenced views are
    // SequencedMap's default wrappers of its key set, values and entry set (the tracked map's
    // reversed logging views), whose getFirst() hands out immutable copies, and whose
    // removeFirst() calls pollFirstEntry(): the tracked map's pollLastEntry().

    @Override
    public SequencedSet<K> sequencedKeySet() {
        return rev.sequencedKeySet();
    }

    @Override
    public SequencedCollection<V> sequencedValues() {
        return rev.sequencedValues();
    }

    @Override
    public SequencedSet<Map.Entry<K, V>> sequencedEntrySet() {
        return rev.sequencedEntrySet();
    }

    @Override
    public Set<K> keySet() {
        return rev.keySet();
    }

    @Override
    public Collection<V> values() {
        return rev.values();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return rev.entrySet();
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        return rev.firstEntry();
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        return rev.lastEntry();
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return rev.pollFirstEntry();
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return rev.pollLastEntry();
    }

    @Override
    public V putFirst(K k, V v) {
        return rev.putFirst(k, v);
    }

    @Override
    public V putLast(K k, V v) {
        return rev.putLast(k, v);
    }

    @Override
    public int size() {
        return rev.size();
    }

    @Override
    public boolean isEmpty() {
        return rev.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return rev.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return rev.containsValue(value);
    }

    @Override
    public V get(Object key) {
        return rev.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return rev.getOrDefault(key, defaultValue);
    }

    @Override
    public V put(K key, V value) {
        return rev.put(key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        rev.putAll(m);
    }

    @Override
    public V remove(Object key) {
        return rev.remove(key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return rev.remove(key, value);
    }

    @Override
    public void clear() {
        rev.clear();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return rev.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return rev.replace(key, oldValue, newValue);
    }

    @Override
    public V replace(K key, V value) {
        return rev.replace(key, value);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        return rev.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return rev.computeIfPresent(key, remappingFunction);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return rev.compute(key, remappingFunction);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        return rev.merge(key, value, remappingFunction);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        rev.forEach(action);
    }

    @Override
    public boolean equals(Object o) {
        return rev.equals(o);
    }

    @Override
    public int hashCode() {
        return rev.hashCode();
    }
}
