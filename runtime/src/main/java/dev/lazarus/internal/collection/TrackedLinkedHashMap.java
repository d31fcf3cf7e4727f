package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link LinkedHashMap} that logs its changes while attached ({@code lzOid != 0}), one record
 * per key, like {@link TrackedHashMap}. Replay puts keys in the same order, so insertion order
 * follows. In access order, every read that moves an entry to the end (get, getOrDefault, a
 * putIfAbsent or computeIfAbsent that finds the key) logs {@code MAP_TOUCH}; the writes log
 * {@code MAP_PUT}, whose replay moves the entry the same way.
 *
 * <p>Eviction: only a subclass can make {@code removeEldestEntry} return true, and nothing can
 * observe that call, so for a subclass every insertion is followed by a check of the eldest key.
 */
public class TrackedLinkedHashMap<K, V> extends LinkedHashMap<K, V> implements Owner {
    private static final long serialVersionUID = 1L;
    /** Marks that no eviction check is needed (not a subclass), or that the map was empty. */
    private static final Object UNCHECKED = new Object();
    private static final Object EMPTY = new Object();

    private transient long lzOid;
    private transient boolean lzMute;
    /** LinkedHashMap's own flag is private. Serialized with the map. */
    private final boolean lzAccessOrder;

    public TrackedLinkedHashMap() {
        super();
        lzAccessOrder = false;
    }

    public TrackedLinkedHashMap(int initialCapacity) {
        super(initialCapacity);
        lzAccessOrder = false;
    }

    public TrackedLinkedHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
        lzAccessOrder = false;
    }

    public TrackedLinkedHashMap(int initialCapacity, float loadFactor, boolean accessOrder) {
        super(initialCapacity, loadFactor, accessOrder);
        lzAccessOrder = accessOrder;
    }

    public TrackedLinkedHashMap(Map<? extends K, ? extends V> m) {
        super(m);
        lzAccessOrder = false;
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

    void log(int op, Object key, Object value) {
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

    /** The eldest key before an insertion, EMPTY, or UNCHECKED when no eviction can happen. */
    Object eldest() {
        if (TrackedCollections.isOwn(getClass()) || !$lz$logging()) {
            return UNCHECKED;
        }
        return isEmpty() ? EMPTY : super.keySet().iterator().next();
    }

    /**
     * Logs what an insertion evicted: the eldest key, or the inserted key itself when the map was
     * empty. A removal logged twice (the operation removed that key itself) replays the same.
     */
    void logEvictions(Object eldest, Object key) {
        if (eldest == UNCHECKED) {
            return;
        }
        if (eldest != EMPTY && !containsKey(eldest)) {
            log(CollectionOp.MAP_REMOVE, eldest, null);
        }
        if (!containsKey(key)) {
            log(CollectionOp.MAP_REMOVE, key, null);
        }
    }

    // ---- reads that reorder an access-ordered map

    @Override
    public V get(Object key) {
        V value = super.get(key);
        if (lzAccessOrder && $lz$logging() && (value != null || containsKey(key))) {
            log(CollectionOp.MAP_TOUCH, key, null);
        }
        return value;
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        if (!lzAccessOrder || !$lz$logging()) {
            return super.getOrDefault(key, defaultValue);
        }
        boolean present = containsKey(key);
        V value = super.getOrDefault(key, defaultValue);
        if (present) {
            log(CollectionOp.MAP_TOUCH, key, null);
        }
        return value;
    }

    // ---- writes

    @Override
    public V put(K key, V value) {
        Object eldest = eldest();
        V old = super.put(Owner.admit(this, key), Owner.admit(this, value));
        log(CollectionOp.MAP_PUT, key, value);
        logEvictions(eldest, key);
        return old;
    }

    /** One put per entry, as replay does them: see {@link TrackedHashMap#putAll}. */
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
        Object eldest = eldest();
        V old = super.putIfAbsent(key, value);
        if (old == null) {
            log(CollectionOp.MAP_PUT, key, value);
        } else if (lzAccessOrder) {
            log(CollectionOp.MAP_TOUCH, key, null);
        }
        logEvictions(eldest, key);
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

    /** A hit is answered by get(), which logs the touch of an access-ordered map. */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (!$lz$logging()) {
            return super.computeIfAbsent(key, mappingFunction);
        }
        V current = get(key);
        if (current != null) {
            return current;
        }
        Object eldest = eldest();
        V value = super.computeIfAbsent(Owner.admit(this, key), Owner.admitting(this, mappingFunction));
        if (value != null) {
            log(CollectionOp.MAP_PUT, key, value);
        }
        logEvictions(eldest, key);
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
        Object eldest = eldest();
        int before = size();
        V value = super.compute(Owner.admit(this, key), Owner.admitting(this, remappingFunction));
        logResult(key, value, before);
        logEvictions(eldest, key);
        return value;
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Object eldest = eldest();
        int before = size();
        V result = super.merge(Owner.admit(this, key), Owner.admit(this, value), Owner.admitting(this, remappingFunction));
        logResult(key, result, before);
        logEvictions(eldest, key);
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

    // ---- views

    @Override
    public Set<K> keySet() {
        return keyView();
    }

    @Override
    public Collection<V> values() {
        return valuesView();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return entryView();
    }

    /*
     * The views are made by these factory methods, which the Java 21 variant overrides to return
     * sequenced views (SequencedSet...) over the JDK's sequenced ones. There, LinkedHashMap's own
     * keySet()/values()/entrySet() call sequencedKeySet()... virtually: the variant must not reach
     * them through super.keySet(), which would return its own logging view.
     */

    Set<K> keyView() {
        return new SetView<>(this, super.keySet(), CollectionOp.MAP_REMOVE, 0, true);
    }

    Collection<V> valuesView() {
        return new ValuesView<>(this, super.values(), super.entrySet(), true);
    }

    /** In access order, setValue does not move the entry but a replayed put would: RESET. */
    Set<Map.Entry<K, V>> entryView() {
        return new EntrySetView<>(this, super.entrySet(), true, lzAccessOrder);
    }

    boolean accessOrder() {
        return lzAccessOrder;
    }

    /** The clone is detached: it copies this object's fields, the id among them. */
    @Override
    public Object clone() {
        TrackedLinkedHashMap<?, ?> c = (TrackedLinkedHashMap<?, ?>) super.clone();
        c.lzOid = 0;
        c.lzMute = false;
        return c;
    }
}
