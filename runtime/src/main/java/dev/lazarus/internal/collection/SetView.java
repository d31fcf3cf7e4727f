package dev.lazarus.internal.collection;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * A logging view of a set that a tracked collection hands out: the key set of a map (removals
 * log {@code MAP_REMOVE}, adding is unsupported) or a view of a set (removals log
 * {@code SET_REMOVE}, additions {@code SET_ADD}). Bulk operations ({@code removeAll},
 * {@code retainAll}, {@code removeIf}, {@code addAll}, partial {@code clear}) are
 * {@link AbstractSet}'s, which run through {@link #iterator()}, {@link #remove} and {@link #add},
 * so each element they change is logged.
 */
class SetView<E> extends AbstractSet<E> {
    final Owner owner;
    final Set<E> set;
    final int removeOp;
    /** 0 when the view does not support adding. */
    final int addOp;
    /** True when the view covers the whole owner, so that its {@code clear()} is the owner's. */
    final boolean whole;

    SetView(Owner owner, Set<E> set, int removeOp, int addOp, boolean whole) {
        this.owner = owner;
        this.set = set;
        this.removeOp = removeOp;
        this.addOp = addOp;
        this.whole = whole;
    }

    @Override
    public int size() {
        return set.size();
    }

    @Override
    public boolean isEmpty() {
        return set.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return set.contains(o);
    }

    @Override
    public Object[] toArray() {
        return set.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return set.toArray(a);
    }

    @Override
    public Iterator<E> iterator() {
        return new LoggingIterator<>(owner, set.iterator(), removeOp);
    }

    @Override
    public Spliterator<E> spliterator() {
        return set.spliterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        set.forEach(action);
    }

    @Override
    public boolean add(E e) {
        if (addOp == 0) {
            throw new UnsupportedOperationException();
        }
        boolean muted = owner.$lz$mute(true);
        boolean added;
        try {
            added = set.add(Owner.admit(owner, e));
        } finally {
            owner.$lz$mute(muted);
        }
        if (added) {
            Owner.log(owner, addOp, 0, e, null);
        }
        return added;
    }

    @Override
    public boolean remove(Object o) {
        boolean muted = owner.$lz$mute(true);
        boolean removed;
        try {
            removed = set.remove(o);
        } finally {
            owner.$lz$mute(muted);
        }
        if (removed) {
            Owner.log(owner, removeOp, 0, o, null);
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
}
