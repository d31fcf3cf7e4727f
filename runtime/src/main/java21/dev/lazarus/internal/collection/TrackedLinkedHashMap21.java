package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.Collection;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.Set;

/**
 * {@link TrackedLinkedHashMap} on Java 21+ ({@link TrackedCollections} chooses it): the sequenced
 * methods and views that a class compiled for 17 cannot override. {@code putFirst}/{@code putLast}
 * log {@code MAP_PUT_FIRST}/{@code MAP_PUT_LAST} (the JDK's call this map's {@code put}, which
 * would log a plain put at the end); the views are sequenced logging views; {@code reversed()}
 * is {@link ReversedMapView21}. {@code firstEntry}/{@code lastEntry} are the JDK's immutable copies.
 */
public class TrackedLinkedHashMap21<K, V> extends TrackedLinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;

    public TrackedLinkedHashMap21() {
        super();
    }

    public TrackedLinkedHashMap21(int initialCapacity) {
        super(initialCapacity);
    }

    public TrackedLinkedHashMap21(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    public TrackedLinkedHashMap21(int initialCapacity, float loadFactor, boolean accessOrder) {
        super(initialCapacity, loadFactor, accessOrder);
    }

    public TrackedLinkedHashMap21(Map<? extends K, ? extends V> m) {
        super(m);
    }

    @Override
    public V putFirst(K k, V v) {
        return putAt(true, k, v);
    }

    @Override
    public V putLast(K k, V v) {
        return putAt(false, k, v);
    }

    private V putAt(boolean first, K k, V v) {
        Owner.admit(this, k);
        Owner.admit(this, v);
        Object eldest = eldest();
        V old = Sequenced21.muted(this, () -> first ? super.putFirst(k, v) : super.putLast(k, v));
        log(first ? CollectionOp.MAP_PUT_FIRST : CollectionOp.MAP_PUT_LAST, k, v);
        logEvictions(eldest, k);
        return old;
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return polled(Sequenced21.muted(this, super::pollFirstEntry));
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return polled(Sequenced21.muted(this, super::pollLastEntry));
    }

    private Map.Entry<K, V> polled(Map.Entry<K, V> e) {
        if (e != null) {
            log(CollectionOp.MAP_REMOVE, e.getKey(), null);
        }
        return e;
    }

    // ---- views: the factories of TrackedLinkedHashMap, over the JDK's sequenced views

    @Override
    public SequencedSet<K> sequencedKeySet() {
        return new SequencedSetView21<>(this, super.sequencedKeySet(), CollectionOp.MAP_REMOVE, 0, 0, 0);
    }

    @Override
    public SequencedCollection<V> sequencedValues() {
        return new SequencedValuesView21<>(this, super.sequencedValues(), super.sequencedEntrySet());
    }

    @Override
    public SequencedSet<Map.Entry<K, V>> sequencedEntrySet() {
        return new SequencedEntrySetView21<>(this, super.sequencedEntrySet(), accessOrder());
    }

    @Override
    Set<K> keyView() {
        return sequencedKeySet();
    }

    @Override
    Collection<V> valuesView() {
        return sequencedValues();
    }

    @Override
    Set<Map.Entry<K, V>> entryView() {
        return sequencedEntrySet();
    }

    @Override
    public SequencedMap<K, V> reversed() {
        return new ReversedMapView21<>(this, super.reversed());
    }
}
