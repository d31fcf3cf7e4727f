package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.Map;
import java.util.SequencedSet;

/**
 * The logging {@code sequencedEntrySet()} of a tracked {@code LinkedHashMap} on Java 21+, or its
 * reverse. {@code getFirst}/{@code getLast} hand out logging entries (the JDK hands out the map's
 * own, whose {@code setValue} writes through); {@code removeFirst}/{@code removeLast} return the
 * removed entry as the JDK does, unwrapped: writing to it no longer changes the map.
 */
final class SequencedEntrySetView21<K, V> extends EntrySetView<K, V> implements SequencedSet<Map.Entry<K, V>> {
    private final SequencedSet<Map.Entry<K, V>> seq;

    SequencedEntrySetView21(Owner owner, SequencedSet<Map.Entry<K, V>> entries, boolean resetOnSet) {
        super(owner, entries, true, resetOnSet);
        this.seq = entries;
    }

    @Override
    public Map.Entry<K, V> getFirst() {
        return wrap(seq.getFirst());
    }

    @Override
    public Map.Entry<K, V> getLast() {
        return wrap(seq.getLast());
    }

    /** Unsupported, as in the JDK's entry set. */
    @Override
    public void addFirst(Map.Entry<K, V> e) {
        throw new UnsupportedOperationException();
    }

    /** Unsupported, as in the JDK's entry set. */
    @Override
    public void addLast(Map.Entry<K, V> e) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map.Entry<K, V> removeFirst() {
        return logged(Sequenced21.muted(owner, seq::removeFirst));
    }

    @Override
    public Map.Entry<K, V> removeLast() {
        return logged(Sequenced21.muted(owner, seq::removeLast));
    }

    private Map.Entry<K, V> logged(Map.Entry<K, V> removed) {
        Owner.log(owner, CollectionOp.MAP_REMOVE, 0, removed.getKey(), null);
        return removed;
    }

    @Override
    public SequencedSet<Map.Entry<K, V>> reversed() {
        SequencedSet<Map.Entry<K, V>> r = seq.reversed();
        return Sequenced21.logs(r) ? r : new SequencedEntrySetView21<>(owner, r, resetOnSet);
    }
}
