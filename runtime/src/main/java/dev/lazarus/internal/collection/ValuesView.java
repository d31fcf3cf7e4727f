package dev.lazarus.internal.collection;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * The logging values view of a tracked map or sub-map. A value does not name its key, so the
 * iterator walks the entries and logs {@code MAP_REMOVE} of the entry's key; {@code remove},
 * {@code removeAll}, {@code retainAll} and {@code removeIf} are {@link AbstractCollection}'s,
 * through that iterator. Reads go to the map's own values view.
 */
class ValuesView<K, V> extends AbstractCollection<V> {
    final Owner owner;
    final Collection<V> values;
    final Set<Map.Entry<K, V>> entries;
    final boolean whole;

    ValuesView(Owner owner, Collection<V> values, Set<Map.Entry<K, V>> entries, boolean whole) {
        this.owner = owner;
        this.values = values;
        this.entries = entries;
        this.whole = whole;
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return values.contains(o);
    }

    @Override
    public Object[] toArray() {
        return values.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return values.toArray(a);
    }

    @Override
    public Iterator<V> iterator() {
        return new EntryIterator<K, V, V>(owner, entries.iterator()) {
            @Override
            V project(Map.Entry<K, V> e) {
                return e.getValue();
            }
        };
    }

    @Override
    public Spliterator<V> spliterator() {
        return values.spliterator();
    }

    @Override
    public void forEach(Consumer<? super V> action) {
        values.forEach(action);
    }

    @Override
    public void clear() {
        if (whole) {
            owner.clear();
        } else {
            super.clear();
        }
    }
}
