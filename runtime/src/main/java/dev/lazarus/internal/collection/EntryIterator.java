package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.Iterator;
import java.util.Map;

/**
 * Iterates a map's entries, hands out what {@link #project} makes of each, and logs
 * {@code MAP_REMOVE} when {@code remove()} removes the last one.
 */
abstract class EntryIterator<K, V, T> implements Iterator<T> {
    final Owner owner;
    private final Iterator<Map.Entry<K, V>> it;
    private Map.Entry<K, V> last;

    EntryIterator(Owner owner, Iterator<Map.Entry<K, V>> it) {
        this.owner = owner;
        this.it = it;
    }

    abstract T project(Map.Entry<K, V> e);

    @Override
    public boolean hasNext() {
        return it.hasNext();
    }

    @Override
    public T next() {
        last = it.next();
        return project(last);
    }

    @Override
    public void remove() {
        // Read the key first: TreeMap's removal may copy the successor's key into this entry.
        K key = last == null ? null : last.getKey();
        boolean muted = owner.$lz$mute(true);
        try {
            it.remove();
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, CollectionOp.MAP_REMOVE, 0, key, null);
    }
}
