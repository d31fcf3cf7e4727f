package dev.lazarus.internal.collection;

import java.util.Iterator;

/**
 * An iterator over the elements of a set, or the keys of a map, whose {@code remove()} logs the
 * removal of the element it returned last ({@code SET_REMOVE} or {@code MAP_REMOVE}).
 * {@code forEachRemaining} is left to the default so that it goes through {@link #next()}.
 */
final class LoggingIterator<E> implements Iterator<E> {
    private final Owner owner;
    private final Iterator<E> it;
    private final int removeOp;
    private E last;

    LoggingIterator(Owner owner, Iterator<E> it, int removeOp) {
        this.owner = owner;
        this.it = it;
        this.removeOp = removeOp;
    }

    @Override
    public boolean hasNext() {
        return it.hasNext();
    }

    @Override
    public E next() {
        last = it.next();
        return last;
    }

    @Override
    public void remove() {
        boolean muted = owner.$lz$mute(true);
        try {
            it.remove();
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, removeOp, 0, last, null);
    }
}
