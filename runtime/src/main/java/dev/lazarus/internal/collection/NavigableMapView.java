package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;

/**
 * A logging view of a sub-map or the descending map of a tracked {@code TreeMap}. Writes through
 * it land in the owner and are logged with the owner's id. Only {@code put} and {@code remove}
 * are written here: {@code putAll}, {@code putIfAbsent}, {@code compute*}, {@code merge},
 * {@code replace*} are {@link Map}'s defaults, which call them ({@link AbstractMap} does not
 * override those defaults), and {@code replaceAll} goes through the entries' logging
 * {@code setValue}. {@code firstEntry()} and the like are immutable snapshots in {@code TreeMap}.
 */
final class NavigableMapView<K, V> extends AbstractMap<K, V> implements NavigableMap<K, V> {
    private final Owner owner;
    private final NavigableMap<K, V> m;
    private final boolean whole;

    NavigableMapView(Owner owner, NavigableMap<K, V> m, boolean whole) {
        this.owner = owner;
        this.m = m;
        this.whole = whole;
    }

    private NavigableMap<K, V> view(NavigableMap<K, V> sub) {
        return new NavigableMapView<>(owner, sub, false);
    }

    @Override
    public int size() {
        return m.size();
    }

    @Override
    public boolean isEmpty() {
        return m.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return m.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return m.containsValue(value);
    }

    @Override
    public V get(Object key) {
        return m.get(key);
    }

    @Override
    public V put(K key, V value) {
        boolean muted = owner.$lz$mute(true);
        V old;
        try {
            old = m.put(Owner.admit(owner, key), Owner.admit(owner, value));
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, CollectionOp.MAP_PUT, 0, key, value);
        return old;
    }

    @Override
    public V remove(Object key) {
        int before = owner.size();
        boolean muted = owner.$lz$mute(true);
        V old;
        try {
            old = m.remove(key);
        } finally {
            owner.$lz$mute(muted);
        }
        if (owner.size() < before) {
            Owner.log(owner, CollectionOp.MAP_REMOVE, 0, key, null);
        }
        return old;
    }

    @Override
    public void clear() {
        if (whole) {
            owner.clear();
        } else {
            entrySet().clear();
        }
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new EntrySetView<>(owner, m.entrySet(), whole, false);
    }

    @Override
    public Set<K> keySet() {
        return navigableKeySet();
    }

    @Override
    public Collection<V> values() {
        return new ValuesView<>(owner, m.values(), m.entrySet(), whole);
    }

    @Override
    public NavigableSet<K> navigableKeySet() {
        return new NavigableSetView<>(owner, m.navigableKeySet(), CollectionOp.MAP_REMOVE, 0, whole);
    }

    @Override
    public NavigableSet<K> descendingKeySet() {
        return new NavigableSetView<>(owner, m.descendingKeySet(), CollectionOp.MAP_REMOVE, 0, whole);
    }

    @Override
    public NavigableMap<K, V> descendingMap() {
        return new NavigableMapView<>(owner, m.descendingMap(), whole);
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return poll(true);
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return poll(false);
    }

    private Map.Entry<K, V> poll(boolean first) {
        boolean muted = owner.$lz$mute(true);
        Map.Entry<K, V> e;
        try {
            e = first ? m.pollFirstEntry() : m.pollLastEntry();
        } finally {
            owner.$lz$mute(muted);
        }
        if (e != null) {
            Owner.log(owner, CollectionOp.MAP_REMOVE, 0, e.getKey(), null);
        }
        return e;
    }

    @Override
    public NavigableMap<K, V> subMap(K from, boolean fromInclusive, K to, boolean toInclusive) {
        return view(m.subMap(from, fromInclusive, to, toInclusive));
    }

    @Override
    public NavigableMap<K, V> headMap(K to, boolean inclusive) {
        return view(m.headMap(to, inclusive));
    }

    @Override
    public NavigableMap<K, V> tailMap(K from, boolean inclusive) {
        return view(m.tailMap(from, inclusive));
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

    @Override
    public Comparator<? super K> comparator() {
        return m.comparator();
    }

    @Override
    public K firstKey() {
        return m.firstKey();
    }

    @Override
    public K lastKey() {
        return m.lastKey();
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        return m.firstEntry();
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        return m.lastEntry();
    }

    @Override
    public Map.Entry<K, V> lowerEntry(K key) {
        return m.lowerEntry(key);
    }

    @Override
    public K lowerKey(K key) {
        return m.lowerKey(key);
    }

    @Override
    public Map.Entry<K, V> floorEntry(K key) {
        return m.floorEntry(key);
    }

    @Override
    public K floorKey(K key) {
        return m.floorKey(key);
    }

    @Override
    public Map.Entry<K, V> ceilingEntry(K key) {
        return m.ceilingEntry(key);
    }

    @Override
    public K ceilingKey(K key) {
        return m.ceilingKey(key);
    }

    @Override
    public Map.Entry<K, V> higherEntry(K key) {
        return m.higherEntry(key);
    }

    @Override
    public K higherKey(K key) {
        return m.higherKey(key);
    }
}
