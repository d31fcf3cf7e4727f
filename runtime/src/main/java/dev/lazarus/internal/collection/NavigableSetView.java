package dev.lazarus.internal.collection;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.SortedSet;

/**
 * A logging view of a navigable set: the key sets of a {@code TreeMap} and of its sub-maps, or the
 * descending set and sub-sets of a {@code TreeSet}. Sub-views are views of the same owner.
 */
final class NavigableSetView<E> extends SetView<E> implements NavigableSet<E> {
    private final NavigableSet<E> nav;

    NavigableSetView(Owner owner, NavigableSet<E> set, int removeOp, int addOp, boolean whole) {
        super(owner, set, removeOp, addOp, whole);
        this.nav = set;
    }

    private NavigableSetView<E> view(NavigableSet<E> s, boolean coversAll) {
        return new NavigableSetView<>(owner, s, removeOp, addOp, coversAll);
    }

    @Override
    public Comparator<? super E> comparator() {
        return nav.comparator();
    }

    @Override
    public E first() {
        return nav.first();
    }

    @Override
    public E last() {
        return nav.last();
    }

    @Override
    public E lower(E e) {
        return nav.lower(e);
    }

    @Override
    public E floor(E e) {
        return nav.floor(e);
    }

    @Override
    public E ceiling(E e) {
        return nav.ceiling(e);
    }

    @Override
    public E higher(E e) {
        return nav.higher(e);
    }

    @Override
    public E pollFirst() {
        return poll(true);
    }

    @Override
    public E pollLast() {
        return poll(false);
    }

    /** The owner's size tells whether something was removed: a comparator may admit null. */
    private E poll(boolean first) {
        int before = owner.size();
        boolean muted = owner.$lz$mute(true);
        E e;
        try {
            e = first ? nav.pollFirst() : nav.pollLast();
        } finally {
            owner.$lz$mute(muted);
        }
        if (owner.size() < before) {
            Owner.log(owner, removeOp, 0, e, null);
        }
        return e;
    }

    @Override
    public NavigableSet<E> descendingSet() {
        return view(nav.descendingSet(), whole);
    }

    @Override
    public Iterator<E> descendingIterator() {
        return new LoggingIterator<>(owner, nav.descendingIterator(), removeOp);
    }

    @Override
    public NavigableSet<E> subSet(E from, boolean fromInclusive, E to, boolean toInclusive) {
        return view(nav.subSet(from, fromInclusive, to, toInclusive), false);
    }

    @Override
    public NavigableSet<E> headSet(E to, boolean inclusive) {
        return view(nav.headSet(to, inclusive), false);
    }

    @Override
    public NavigableSet<E> tailSet(E from, boolean inclusive) {
        return view(nav.tailSet(from, inclusive), false);
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
}
