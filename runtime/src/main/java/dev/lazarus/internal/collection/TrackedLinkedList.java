package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A {@link LinkedList} that logs its changes while attached ({@code lzOid != 0}), as list
 * operations at an index, deque operations included (addFirst is {@code LIST_ADD} at 0...).
 * The derived queue and deque methods (offer, push, pop, poll...) call the logging primitives of
 * this class rather than the JDK's, so that each change is logged exactly once.
 */
public class TrackedLinkedList<E> extends LinkedList<E> implements Owner {
    private static final long serialVersionUID = 1L;

    private transient long lzOid;
    private transient boolean lzMute;
    /**
     * This object, once attached. LinkedList.clone() copies every field, the id too, then fills
     * the copy through add(): the copy, whose {@code lzSelf} is not itself, must not log.
     */
    private transient Object lzSelf;

    public TrackedLinkedList() {
        super();
    }

    public TrackedLinkedList(Collection<? extends E> c) {
        super(c);
    }

    @Override
    public long $lz$oid() {
        return lzOid;
    }

    @Override
    public void $lz$oid(long oid) {
        lzOid = oid;
        lzSelf = this;
    }

    @Override
    public boolean $lz$logging() {
        return lzOid != 0 && !lzMute && lzSelf == this;
    }

    @Override
    public boolean $lz$mute(boolean mute) {
        boolean was = lzMute;
        lzMute = mute;
        return was;
    }

    private void log(int op, int index, Object a) {
        if ($lz$logging()) {
            Hooks.op(lzOid, op, index, a, null);
        }
    }

    // ---- list operations

    @Override
    public boolean add(E e) {
        super.add(Owner.admit(this, e));
        log(CollectionOp.LIST_ADD, size() - 1, e);
        return true;
    }

    @Override
    public void add(int index, E e) {
        super.add(index, Owner.admit(this, e));
        log(CollectionOp.LIST_ADD, index, e);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return addAll(size(), c);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        Owner.admitAll(this, c);
        int before = size();
        boolean changed = super.addAll(index, c);
        ListChanges.added(this, this, 0, index, size() - before);
        return changed;
    }

    @Override
    public E set(int index, E e) {
        E old = super.set(index, Owner.admit(this, e));
        log(CollectionOp.LIST_SET, index, e);
        return old;
    }

    @Override
    public E remove(int index) {
        E old = super.remove(index);
        log(CollectionOp.LIST_REMOVE, index, null);
        return old;
    }

    /** One walk that finds the index and unlinks: the logging iterator logs the index. */
    @Override
    public boolean remove(Object o) {
        if (!$lz$logging()) {
            return super.remove(o);
        }
        for (ListIterator<E> it = listIterator(); it.hasNext(); ) {
            if (Objects.equals(o, it.next())) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    @Override
    public void clear() {
        boolean had = !isEmpty();
        super.clear();
        if (had) {
            log(CollectionOp.CLEAR, 0, null);
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return Owner.bulk(this, this::toArray, () -> super.removeIf(filter), b -> ListChanges.removed(this, b, this, 0));
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return Owner.bulk(this, this::toArray, () -> super.removeAll(c), b -> ListChanges.removed(this, b, this, 0));
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return Owner.bulk(this, this::toArray, () -> super.retainAll(c), b -> ListChanges.removed(this, b, this, 0));
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        UnaryOperator<E> admitting = Owner.admitting(this, operator);
        Owner.bulk(this, this::toArray, () -> {
            super.replaceAll(admitting);
            return null;
        }, b -> ListChanges.rewritten(this, b, this, 0));
    }

    @Override
    public void sort(Comparator<? super E> c) {
        Owner.bulk(this, this::toArray, () -> {
            super.sort(c);
            return null;
        }, b -> ListChanges.rewritten(this, b, this, 0));
    }

    @Override
    public Iterator<E> iterator() {
        return listIterator(0);
    }

    @Override
    public ListIterator<E> listIterator() {
        return listIterator(0);
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return new ListIteratorView<>(this, super.listIterator(index), 0);
    }

    @Override
    public List<E> subList(int from, int to) {
        return SubListView.of(this, super.subList(from, to), from);
    }

    // ---- deque operations

    @Override
    public void addFirst(E e) {
        super.addFirst(Owner.admit(this, e));
        log(CollectionOp.LIST_ADD, 0, e);
    }

    @Override
    public void addLast(E e) {
        super.addLast(Owner.admit(this, e));
        log(CollectionOp.LIST_ADD, size() - 1, e);
    }

    @Override
    public E removeFirst() {
        E e = super.removeFirst();
        log(CollectionOp.LIST_REMOVE, 0, null);
        return e;
    }

    @Override
    public E removeLast() {
        E e = super.removeLast();
        log(CollectionOp.LIST_REMOVE, size(), null);
        return e;
    }

    @Override
    public boolean offer(E e) {
        return add(e);
    }

    @Override
    public boolean offerFirst(E e) {
        addFirst(e);
        return true;
    }

    @Override
    public boolean offerLast(E e) {
        addLast(e);
        return true;
    }

    @Override
    public void push(E e) {
        addFirst(e);
    }

    @Override
    public E pop() {
        return removeFirst();
    }

    @Override
    public E remove() {
        return removeFirst();
    }

    @Override
    public E poll() {
        return isEmpty() ? null : removeFirst();
    }

    @Override
    public E pollFirst() {
        return isEmpty() ? null : removeFirst();
    }

    @Override
    public E pollLast() {
        return isEmpty() ? null : removeLast();
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
        return remove(o);
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
        if (!$lz$logging()) {
            return super.removeLastOccurrence(o);
        }
        for (ListIterator<E> it = listIterator(size()); it.hasPrevious(); ) {
            if (Objects.equals(o, it.previous())) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** Walks a logging list iterator backwards, so that removals log their index. */
    @Override
    public Iterator<E> descendingIterator() {
        ListIterator<E> it = listIterator(size());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasPrevious();
            }

            @Override
            public E next() {
                return it.previous();
            }

            @Override
            public void remove() {
                it.remove();
            }
        };
    }

    /** The clone is detached; see {@link #lzSelf} for the adds that fill it. */
    @Override
    public Object clone() {
        TrackedLinkedList<?> c = (TrackedLinkedList<?>) super.clone();
        c.lzOid = 0;
        c.lzSelf = null;
        c.lzMute = false;
        return c;
    }
}
