package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * The logging entry set of a tracked map or of one of its sub-maps. Entries come wrapped in
 * {@link LoggingEntry}, through the iterator and the spliterator alike (streams can call
 * {@code setValue} too); removals log {@code MAP_REMOVE}. Bulk removals are
 * {@link AbstractSet}'s, through {@link #iterator()} and {@link #remove}.
 */
class EntrySetView<K, V> extends AbstractSet<Map.Entry<K, V>> {
    final Owner owner;
    final Set<Map.Entry<K, V>> entries;
    final boolean whole;
    final boolean resetOnSet;

    EntrySetView(Owner owner, Set<Map.Entry<K, V>> entries, boolean whole, boolean resetOnSet) {
        this.owner = owner;
        this.entries = entries;
        this.whole = whole;
        this.resetOnSet = resetOnSet;
    }

    Map.Entry<K, V> wrap(Map.Entry<K, V> e) {
        return new LoggingEntry<>(owner, e, resetOnSet);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return entries.contains(o);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return new EntryIterator<K, V, Map.Entry<K, V>>(owner, entries.iterator()) {
            @Override
            Map.Entry<K, V> project(Map.Entry<K, V> e) {
                return wrap(e);
            }
        };
    }

    @Override
    public Spliterator<Map.Entry<K, V>> spliterator() {
        return new Wrapping(entries.spliterator());
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof Map.Entry<?, ?> e)) {
            return false;
        }
        Object key = e.getKey();
        boolean muted = owner.$lz$mute(true);
        boolean removed;
        try {
            removed = entries.remove(o);
        } finally {
            owner.$lz$mute(muted);
        }
        if (removed) {
            Owner.log(owner, CollectionOp.MAP_REMOVE, 0, key, null);
        }
        return removed;
    }

    @Override
    public void clear() {
        if (whole) {
            owner.clear();
        } else {
            super.clear();
        }
    }

    /** Wraps the entries that the delegate's spliterator hands out. */
    private final class Wrapping implements Spliterator<Map.Entry<K, V>> {
        private final Spliterator<Map.Entry<K, V>> s;

        Wrapping(Spliterator<Map.Entry<K, V>> s) {
            this.s = s;
        }

        @Override
        public boolean tryAdvance(Consumer<? super Map.Entry<K, V>> action) {
            return s.tryAdvance(e -> action.accept(wrap(e)));
        }

        @Override
        public void forEachRemaining(Consumer<? super Map.Entry<K, V>> action) {
            s.forEachRemaining(e -> action.accept(wrap(e)));
        }

        @Override
        public Spliterator<Map.Entry<K, V>> trySplit() {
            Spliterator<Map.Entry<K, V>> prefix = s.trySplit();
            return prefix == null ? null : new Wrapping(prefix);
        }

        @Override
        public long estimateSize() {
            return s.estimateSize();
        }

        @Override
        public int characteristics() {
            return s.characteristics();
        }

        @Override
        public Comparator<? super Map.Entry<K, V>> getComparator() {
            return s.getComparator();
        }
    }
}
