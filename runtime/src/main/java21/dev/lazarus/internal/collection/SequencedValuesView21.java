package dev.lazarus.internal.collection;

import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedSet;

/**
 * The logging {@code sequencedValues()} of a tracked {@code LinkedHashMap} on Java 21+, or its
 * reverse. A value does not name its key, so {@code removeFirst}/{@code removeLast} go through the
 * entry-walking iterator of {@link ValuesView}, which logs {@code MAP_REMOVE} of the key.
 */
final class SequencedValuesView21<K, V> extends ValuesView<K, V> implements SequencedCollection<V> {
    private final SequencedCollection<V> seq;
    private final SequencedSet<Map.Entry<K, V>> seqEntries;

    SequencedValuesView21(Owner owner, SequencedCollection<V> values, SequencedSet<Map.Entry<K, V>> entries) {
        super(owner, values, entries, true);
        this.seq = values;
        this.seqEntries = entries;
    }

    @Override
    public V getFirst() {
        return seq.getFirst();
    }

    @Override
    public V getLast() {
        return seq.getLast();
    }

    /** Unsupported, as in the JDK's values view. */
    @Override
    public void addFirst(V v) {
        throw new UnsupportedOperationException();
    }

    /** Unsupported, as in the JDK's values view. */
    @Override
    public void addLast(V v) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V removeFirst() {
        return Sequenced21.removeFirst(this);
    }

    @Override
    public V removeLast() {
        return Sequenced21.removeFirst(reversed());
    }

    @Override
    public SequencedCollection<V> reversed() {
        SequencedCollection<V> r = seq.reversed();
        return Sequenced21.logs(r) ? r : new SequencedValuesView21<>(owner, r, seqEntries.reversed());
    }
}
