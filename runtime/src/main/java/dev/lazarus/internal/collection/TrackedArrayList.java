package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An {@link ArrayList} that logs its changes while attached ({@code lzOid != 0}). Index
 * operations log themselves; bulk removals and rewrites (removeIf, removeAll, retainAll, sort,
 * replaceAll) are logged by comparing the content before and after, see {@link ListChanges};
 * iterators and sub-lists are logging views.
 */
public class TrackedArrayList<E> extends ArrayList<E> implements Owner {
    private static final long serialVersionUID = 1L;

    private transient long lzOid;
    private transient boolean lzMute;

    public TrackedArrayList() {
        super();
    }

    public TrackedArrayList(int initialCapacity) {
        super(initialCapacity);
    }

    public TrackedArrayList(Collection<? extends E> c) {
        super(c);
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

    private void log(int op, int index, Object a) {
        if (lzOid != 0 && !lzMute) {
            Hooks.op(lzOid, op, index, a, null);
        }
    }

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

    @Override
    public boolean remove(Object o) {
        if (!$lz$logging()) {
            return super.remove(o);
        }
        int index = indexOf(o);
        if (index < 0) {
            return false;
        }
        remove(index);
        return true;
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
    protected void removeRange(int from, int to) {
        super.removeRange(from, to);
        ListChanges.removedRange(this, from, to - from);
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

    // The four methods below exist in ArrayList from Java 21 on (SequencedCollection), where
    // removeFirst and removeLast do not go through remove(int): these override them there.

    public void addFirst(E e) {
        add(0, e);
    }

    public void addLast(E e) {
        add(e);
    }

    public E removeFirst() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return remove(0);
    }

    public E removeLast() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return remove(size() - 1);
    }

    /** The clone is detached: it copies this object's fields, the id among them. */
    @Override
    public Object clone() {
        TrackedArrayList<?> c = (TrackedArrayList<?>) super.clone();
        c.lzOid = 0;
        c.lzMute = false;
        return c;
    }
}
