package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Tracked;
import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link ConcurrentHashMap} that logs its changes while attached ({@code lzOid != 0}).
 *
 * <p>Threads may write the same key at once without any lock of the application, so the log must
 * follow memory order per key: every single-key write is done through {@code super.compute},
 * {@code computeIfAbsent} or {@code computeIfPresent}, and its record is appended inside the
 * function, under the lock of the key's bin, before the bin is released. Two writes of one key
 * thus reach the log in the order in which they reach the map.
 *
 * <p>Not atomic as a whole, exactly like the JDK's own: {@code putAll}, {@code clear} (logged as
 * one {@code MAP_REMOVE} per key, so that a concurrent put that survives the clear is not lost by
 * replay), {@code replaceAll} and the bulk operations of the views; each key they touch is.
 *
 * <p>{@link #keySet()} and {@link #keySet(Object)} must return the JDK's {@code KeySetView},
 * whose constructor is not accessible. Its {@code remove}, {@code clear} and {@code removeAll} of a
 * small collection call this map's methods; its iterator's {@code remove()} (so {@code removeIf},
 * {@code retainAll}) and its {@code add}/{@code addAll} call package-private final methods, which
 * the agent reroutes to this map's {@code remove(key)} and {@code putIfAbsent(key, default)}
 * (ConcurrentKeySetRoute in the agent). {@link #entrySet()} and {@link #values()} are logging views.
 */
public class TrackedConcurrentHashMap<K, V> extends ConcurrentHashMap<K, V> implements Tracked {
    private static final long serialVersionUID = 1L;

    /** Volatile: the engine attaches the map on one thread while others write to it. */
    private transient volatile long lzOid;

    public TrackedConcurrentHashMap() {
        super();
    }

    public TrackedConcurrentHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    public TrackedConcurrentHashMap(Map<? extends K, ? extends V> m) {
        super(m);
    }

    public TrackedConcurrentHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    public TrackedConcurrentHashMap(int initialCapacity, float loadFactor, int concurrencyLevel) {
        super(initialCapacity, loadFactor, concurrencyLevel);
    }

    @Override
    public long $lz$oid() {
        return lzOid;
    }

    @Override
    public void $lz$oid(long oid) {
        lzOid = oid;
    }

    /** What a function run under the bin lock hands back besides the new value. */
    private static final class Outcome<V> {
        V old;
        boolean done;
    }

    @Override
    public V put(K key, V value) {
        long oid = lzOid;
        if (oid == 0) {
            return super.put(key, value);
        }
        Objects.requireNonNull(value);
        Outcome<V> out = new Outcome<>();
        super.compute(key, (k, current) -> {
            out.old = current;
            Hooks.op(oid, CollectionOp.MAP_PUT, 0, k, value);
            return value;
        });
        return out.old;
    }

    @Override
    public V putIfAbsent(K key, V value) {
        long oid = lzOid;
        if (oid == 0) {
            return super.putIfAbsent(key, value);
        }
        Objects.requireNonNull(value);
        Outcome<V> out = new Outcome<>();
        V current = super.computeIfAbsent(key, k -> {
            out.done = true;
            Hooks.op(oid, CollectionOp.MAP_PUT, 0, k, value);
            return value;
        });
        return out.done ? null : current;
    }

    /** One logged put per entry; each is atomic, the whole is not (nor is the JDK's). */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        if (lzOid == 0) {
            super.putAll(m);
            return;
        }
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public V remove(Object key) {
        long oid = lzOid;
        if (oid == 0) {
            return super.remove(key);
        }
        Outcome<V> out = new Outcome<>();
        super.computeIfPresent(castKey(key), (k, current) -> {
            out.old = current;
            Hooks.op(oid, CollectionOp.MAP_REMOVE, 0, k, null);
            return null;
        });
        return out.old;
    }

    @Override
    public boolean remove(Object key, Object value) {
        long oid = lzOid;
        if (oid == 0) {
            return super.remove(key, value);
        }
        Objects.requireNonNull(key);
        if (value == null) {
            return false;
        }
        Outcome<V> out = new Outcome<>();
        super.computeIfPresent(castKey(key), (k, current) -> {
            if (value == current || value.equals(current)) {
                out.done = true;
                Hooks.op(oid, CollectionOp.MAP_REMOVE, 0, k, null);
                return null;
            }
            return current;
        });
        return out.done;
    }

    @Override
    public V replace(K key, V value) {
        long oid = lzOid;
        if (oid == 0) {
            return super.replace(key, value);
        }
        Objects.requireNonNull(value);
        Outcome<V> out = new Outcome<>();
        super.computeIfPresent(key, (k, current) -> {
            out.old = current;
            Hooks.op(oid, CollectionOp.MAP_PUT, 0, k, value);
            return value;
        });
        return out.old;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        long oid = lzOid;
        if (oid == 0) {
            return super.replace(key, oldValue, newValue);
        }
        Objects.requireNonNull(oldValue);
        Objects.requireNonNull(newValue);
        return replaceIf(oid, key, oldValue, newValue);
    }

    /** replace(key, expected, value), logged under the bin lock; true if it replaced. */
    private boolean replaceIf(long oid, K key, V expected, V value) {
        Outcome<V> out = new Outcome<>();
        super.computeIfPresent(key, (k, current) -> {
            if (expected == current || expected.equals(current)) {
                out.done = true;
                Hooks.op(oid, CollectionOp.MAP_PUT, 0, k, value);
                return value;
            }
            return current;
        });
        return out.done;
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        long oid = lzOid;
        if (oid == 0) {
            return super.compute(key, remappingFunction);
        }
        Objects.requireNonNull(remappingFunction);
        return super.compute(key, (k, current) -> {
            V value = remappingFunction.apply(k, current);
            if (value != null) {
                Hooks.op(oid, CollectionOp.MAP_PUT, 0, k, value);
            } else if (current != null) {
                Hooks.op(oid, CollectionOp.MAP_REMOVE, 0, k, null);
            }
            return value;
        });
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        long oid = lzOid;
        if (oid == 0) {
            return super.computeIfAbsent(key, mappingFunction);
        }
        Objects.requireNonNull(mappingFunction);
        V current = super.get(key);
        if (current != null) {
            return current;
        }
        return super.computeIfAbsent(key, k -> {
            V value = mappingFunction.apply(k);
            if (value != null) {
                Hooks.op(oid, CollectionOp.MAP_PUT, 0, k, value);
            }
            return value;
        });
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        long oid = lzOid;
        if (oid == 0) {
            return super.computeIfPresent(key, remappingFunction);
        }
        Objects.requireNonNull(remappingFunction);
        return super.computeIfPresent(key, (k, current) -> {
            V value = remappingFunction.apply(k, current);
            if (value != null) {
                Hooks.op(oid, CollectionOp.MAP_PUT, 0, k, value);
            } else {
                Hooks.op(oid, CollectionOp.MAP_REMOVE, 0, k, null);
            }
            return value;
        });
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        long oid = lzOid;
        if (oid == 0) {
            return super.merge(key, value, remappingFunction);
        }
        Objects.requireNonNull(value);
        Objects.requireNonNull(remappingFunction);
        return super.compute(key, (k, current) -> {
            V merged = current == null ? value : remappingFunction.apply(current, value);
            if (merged != null) {
                Hooks.op(oid, CollectionOp.MAP_PUT, 0, k, merged);
            } else if (current != null) {
                Hooks.op(oid, CollectionOp.MAP_REMOVE, 0, k, null);
            }
            return merged;
        });
    }

    /**
     * One logged removal per key, each under its bin lock: a key that another thread puts while
     * this runs either goes (and its removal is logged after its put) or stays, in the log too.
     */
    @Override
    public void clear() {
        if (lzOid == 0) {
            super.clear();
            return;
        }
        for (K key : super.keySet()) {
            remove(key);
        }
    }

    /**
     * Like the JDK's: the function runs outside the lock, then the new value replaces the old one
     * only if the key still maps to it, else the function runs again on the newer value.
     */
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        long oid = lzOid;
        if (oid == 0) {
            super.replaceAll(function);
            return;
        }
        Objects.requireNonNull(function);
        for (Map.Entry<K, V> e : super.entrySet()) {
            K key = e.getKey();
            V old = e.getValue();
            while (old != null) {
                V value = Objects.requireNonNull(function.apply(key, old));
                if (replaceIf(oid, key, old, value)) {
                    break;
                }
                old = super.get(key);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private K castKey(Object key) {
        // computeIfPresent only hands the key to equals() and to the function, which logs it
        return (K) Objects.requireNonNull(key);
    }

    /**
     * Entries are the JDK's own: their {@code setValue} calls this map's {@code put}, which logs.
     * Removals go through this map's logging {@code remove}.
     */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new EntrySet(super.entrySet());
    }

    @Override
    public Collection<V> values() {
        return new Values(super.values(), super.entrySet());
    }

    /** Iterates entries and removes the key of the last one through the map's remove(key). */
    private abstract class EntryWalk<T> implements Iterator<T> {
        private final Iterator<Map.Entry<K, V>> it;
        private Map.Entry<K, V> last;

        EntryWalk(Iterator<Map.Entry<K, V>> it) {
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
            if (last == null) {
                throw new IllegalStateException();
            }
            TrackedConcurrentHashMap.this.remove(last.getKey());
            last = null;
        }
    }

    private final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
        private final Set<Map.Entry<K, V>> entries;

        EntrySet(Set<Map.Entry<K, V>> entries) {
            this.entries = entries;
        }

        @Override
        public int size() {
            return TrackedConcurrentHashMap.this.size();
        }

        @Override
        public boolean isEmpty() {
            return TrackedConcurrentHashMap.this.isEmpty();
        }

        @Override
        public boolean contains(Object o) {
            return entries.contains(o);
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return new EntryWalk<Map.Entry<K, V>>(entries.iterator()) {
                @Override
                Map.Entry<K, V> project(Map.Entry<K, V> e) {
                    return e;
                }
            };
        }

        @Override
        public Spliterator<Map.Entry<K, V>> spliterator() {
            return entries.spliterator();
        }

        @Override
        public void forEach(Consumer<? super Map.Entry<K, V>> action) {
            entries.forEach(action);
        }

        @Override
        public Object[] toArray() {
            return entries.toArray();
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return entries.toArray(a);
        }

        @Override
        public boolean add(Map.Entry<K, V> e) {
            return put(e.getKey(), e.getValue()) == null;
        }

        @Override
        public boolean remove(Object o) {
            return o instanceof Map.Entry<?, ?> e
                    && e.getKey() != null
                    && e.getValue() != null
                    && TrackedConcurrentHashMap.this.remove(e.getKey(), e.getValue());
        }

        /** Removes an entry only if its key still maps to the value tested, like the JDK's. */
        @Override
        public boolean removeIf(Predicate<? super Map.Entry<K, V>> filter) {
            Objects.requireNonNull(filter);
            boolean removed = false;
            for (Map.Entry<K, V> e : entries) {
                if (filter.test(e) && TrackedConcurrentHashMap.this.remove(e.getKey(), e.getValue())) {
                    removed = true;
                }
            }
            return removed;
        }

        @Override
        public void clear() {
            TrackedConcurrentHashMap.this.clear();
        }
    }

    private final class Values extends AbstractCollection<V> {
        private final Collection<V> values;
        private final Set<Map.Entry<K, V>> entries;

        Values(Collection<V> values, Set<Map.Entry<K, V>> entries) {
            this.values = values;
            this.entries = entries;
        }

        @Override
        public int size() {
            return TrackedConcurrentHashMap.this.size();
        }

        @Override
        public boolean isEmpty() {
            return TrackedConcurrentHashMap.this.isEmpty();
        }

        @Override
        public boolean contains(Object o) {
            return values.contains(o);
        }

        @Override
        public Iterator<V> iterator() {
            return new EntryWalk<V>(entries.iterator()) {
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
        public Object[] toArray() {
            return values.toArray();
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return values.toArray(a);
        }

        /** Removes an entry only if its key still maps to the value tested, like the JDK's. */
        @Override
        public boolean removeIf(Predicate<? super V> filter) {
            Objects.requireNonNull(filter);
            boolean removed = false;
            for (Map.Entry<K, V> e : entries) {
                if (filter.test(e.getValue()) && TrackedConcurrentHashMap.this.remove(e.getKey(), e.getValue())) {
                    removed = true;
                }
            }
            return removed;
        }

        @Override
        public void clear() {
            TrackedConcurrentHashMap.this.clear();
        }
    }
}
