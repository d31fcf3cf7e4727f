package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.ListIterator;

/**
 * A logging list iterator over a tracked list or one of its sub-lists: {@code remove}, {@code set}
 * and {@code add} log {@code LIST_REMOVE}, {@code LIST_SET} and {@code LIST_ADD} at the index in
 * the owner ({@code offset} is where the iterated list starts in it). The delegate runs muted:
 * {@code ArrayList}'s iterators call the list's own {@code remove(int)}, {@code set}, {@code add}.
 */
final class ListIteratorView<E> implements ListIterator<E> {
    private final Owner owner;
    private final ListIterator<E> it;
    private final int offset;
    /** Index, in the iterated list, of the element returned last by next() or previous(). */
    private int last = -1;

    ListIteratorView(Owner owner, ListIterator<E> it, int offset) {
        this.owner = owner;
        this.it = it;
        this.offset = offset;
    }

    @Override
    public boolean hasNext() {
        return it.hasNext();
    }

    @Override
    public E next() {
        E e = it.next();
        last = it.previousIndex();
        return e;
    }

    @Override
    public boolean hasPrevious() {
        return it.hasPrevious();
    }

    @Override
    public E previous() {
        E e = it.previous();
        last = it.nextIndex();
        return e;
    }

    @Override
    public int nextIndex() {
        return it.nextIndex();
    }

    @Override
    public int previousIndex() {
        return it.previousIndex();
    }

    @Override
    public void remove() {
        boolean muted = owner.$lz$mute(true);
        try {
            it.remove();
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, CollectionOp.LIST_REMOVE, offset + last, null, null);
        last = -1;
    }

    @Override
    public void set(E e) {
        boolean muted = owner.$lz$mute(true);
        try {
            it.set(Owner.admit(owner, e));
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, CollectionOp.LIST_SET, offset + last, e, null);
    }

    @Override
    public void add(E e) {
        int at = it.nextIndex();
        boolean muted = owner.$lz$mute(true);
        try {
            it.add(Owner.admit(owner, e));
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, CollectionOp.LIST_ADD, offset + at, e, null);
        last = -1;
    }
}
