package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A {@link TreeSet} that logs its changes while attached ({@code lzOid != 0}). The descending set
 * and sub-sets are logging views (a TreeSet's own are TreeSets over a sub-map of its private map,
 * which would bypass this class entirely); adds through them land here and are logged. removeAll,
 * retainAll and removeIf are inherited and go through {@link #remove} and the iterator.
 */
public class TrackedTreeSet<E> extends TreeSet<E> implements Owner {
    private static final long serialVersionUID = 1L;

    private transient long lzOid;
    private transient boolean lzMute;

    public TrackedTreeSet() {
        super();
    }

    public TrackedTreeSet(Comparator<? super E> comparator) {
        super(comparator);
    }

    public TrackedTreeSet(Collection<? extends E> c) {
        super(c);
    }

    public TrackedTreeSet(SortedSet<E> s) {
        super(s);
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

    private void log(int op, Object a) {
        if (lzOid != 0 && !lzMute) {
            Hooks.op(lzOid, op, 0, a, null);
        }
    }

    @Override
    public boolean add(E e) {
        boolean added = super.add(Owner.admit(this, e));
        if (added) {
            log(CollectionOp.SET_ADD, e);
        }
        return added;
    }

    @Override
    public boolean remove(Object o) {
        boolean removed = super.remove(o);
        if (removed) {
            log(CollectionOp.SET_REMOVE, o);
        }
        return removed;
    }

    @Override
    public void clear() {
        boolean had = !isEmpty();
        super.clear();
        if (had) {
            log(CollectionOp.CLEAR, null);
        }
    }

    /** One logged add per element: TreeSet.addAll may fill an empty set without add(). */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (!$lz$logging()) {
            return super.addAll(c);
        }
        boolean changed = false;
        for (E e : c) {
            changed |= add(e);
        }
        return changed;
    }

    @Override
    public E pollFirst() {
        return poll(true);
    }

    @Override
    public E pollLast() {
        return poll(false);
    }

    /** The size tells whether something was removed: a comparator may admit null. */
    private E poll(boolean first) {
        int before = size();
        E e = first ? super.pollFirst() : super.pollLast();
        if (size() < before) {
            log(CollectionOp.SET_REMOVE, e);
        }
        return e;
    }

    @Override
    public Iterator<E> iterator() {
        return new LoggingIterator<>(this, super.iterator(), CollectionOp.SET_REMOVE);
    }

    @Override
    public Iterator<E> descendingIterator() {
        return new LoggingIterator<>(this, super.descendingIterator(), CollectionOp.SET_REMOVE);
    }

    private NavigableSet<E> view(NavigableSet<E> s, boolean whole) {
        return new NavigableSetView<>(this, s, CollectionOp.SET_REMOVE, CollectionOp.SET_ADD, whole);
    }

    @Override
    public NavigableSet<E> descendingSet() {
        return view(super.descendingSet(), true);
    }

    @Override
    public NavigableSet<E> subSet(E from, boolean fromInclusive, E to, boolean toInclusive) {
        return view(super.subSet(from, fromInclusive, to, toInclusive), false);
    }

    @Override
    public NavigableSet<E> headSet(E to, boolean inclusive) {
        return view(super.headSet(to, inclusive), false);
    }

    @Override
    public NavigableSet<E> tailSet(E from, boolean inclusive) {
        return view(super.tailSet(from, inclusive), false);
    }

    @Override
    public SortedSet<E> subSet(E from, E to) {
        return subSet(from, true, to, false);
    }

    @Override
    public SortedSet<E> headSet(E to) {
        return headSet(to, false);
    }

    @Override
    public SortedSet<E> tailSet(E from) {
        return tailSet(from, true);
    }

    /** The clone is detached: it copies this object's fields, the id among them. */
    @Override
    public Object clone() {
        TrackedTreeSet<?> c = (TrackedTreeSet<?>) super.clone();
        c.lzOid = 0;
        c.lzMute = false;
        return c;
    }
}
