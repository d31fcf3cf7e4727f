package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A logging view of a sub-list of a tracked list, itself possibly a sub-list: every change is
 * logged as the change it makes to the owner, at index {@code offset + i}. The JDK's sub-list
 * does the work (and its checks for concurrent modification) while the owner is muted, since it
 * calls back into the owner's methods. The offset of a sub-list in its owner never changes.
 */
class SubListView<E> extends AbstractList<E> {
    private final Owner owner;
    private final List<E> list;
    private final int offset;

    SubListView(Owner owner, List<E> list, int offset) {
        this.owner = owner;
        this.list = list;
        this.offset = offset;
    }

    /** Keeps {@link RandomAccess} when the JDK's sub-list has it, for the algorithms that ask. */
    static <E> List<E> of(Owner owner, List<E> list, int offset) {
        return list instanceof RandomAccess
                ? new RandomAccessSubListView<>(owner, list, offset)
                : new SubListView<>(owner, list, offset);
    }

    private static final class RandomAccessSubListView<E> extends SubListView<E> implements RandomAccess {
        RandomAccessSubListView(Owner owner, List<E> list, int offset) {
            super(owner, list, offset);
        }
    }

    @Override
    public E get(int index) {
        return list.get(index);
    }

    @Override
    public int size() {
        return list.size();
    }

    @Override
    public boolean isEmpty() {
        return list.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return list.contains(o);
    }

    @Override
    public int indexOf(Object o) {
        return list.indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return list.lastIndexOf(o);
    }

    @Override
    public Object[] toArray() {
        return list.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return list.toArray(a);
    }

    @Override
    public Spliterator<E> spliterator() {
        return list.spliterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        list.forEach(action);
    }

    @Override
    public Iterator<E> iterator() {
        return listIterator(0);
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return new ListIteratorView<>(owner, list.listIterator(index), offset);
    }

    @Override
    public List<E> subList(int from, int to) {
        return of(owner, list.subList(from, to), offset + from);
    }

    @Override
    public E set(int index, E e) {
        boolean muted = owner.$lz$mute(true);
        E old;
        try {
            old = list.set(index, Owner.admit(owner, e));
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, CollectionOp.LIST_SET, offset + index, e, null);
        return old;
    }

    @Override
    public void add(int index, E e) {
        boolean muted = owner.$lz$mute(true);
        try {
            list.add(index, Owner.admit(owner, e));
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, CollectionOp.LIST_ADD, offset + index, e, null);
    }

    @Override
    public E remove(int index) {
        boolean muted = owner.$lz$mute(true);
        E old;
        try {
            old = list.remove(index);
        } finally {
            owner.$lz$mute(muted);
        }
        Owner.log(owner, CollectionOp.LIST_REMOVE, offset + index, null, null);
        return old;
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return addAll(list.size(), c);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        Owner.admitAll(owner, c);
        int before = list.size();
        boolean muted = owner.$lz$mute(true);
        boolean changed;
        try {
            changed = list.addAll(index, c);
        } finally {
            owner.$lz$mute(muted);
        }
        ListChanges.added(owner, list, offset, index, list.size() - before);
        return changed;
    }

    /** Reached by {@code clear()} and by {@code subList(a, b).clear()} on this view. */
    @Override
    protected void removeRange(int from, int to) {
        boolean muted = owner.$lz$mute(true);
        try {
            list.subList(from, to).clear();
        } finally {
            owner.$lz$mute(muted);
        }
        ListChanges.removedRange(owner, offset + from, to - from);
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Object[] before = list.toArray();
        boolean muted = owner.$lz$mute(true);
        try {
            return list.removeIf(filter);
        } finally {
            owner.$lz$mute(muted);
            ListChanges.removed(owner, before, list, offset);
        }
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Object[] before = list.toArray();
        boolean muted = owner.$lz$mute(true);
        try {
            return list.removeAll(c);
        } finally {
            owner.$lz$mute(muted);
            ListChanges.removed(owner, before, list, offset);
        }
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Object[] before = list.toArray();
        boolean muted = owner.$lz$mute(true);
        try {
            return list.retainAll(c);
        } finally {
            owner.$lz$mute(muted);
            ListChanges.removed(owner, before, list, offset);
        }
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        Object[] before = list.toArray();
        boolean muted = owner.$lz$mute(true);
        try {
            list.replaceAll(Owner.admitting(owner, operator));
        } finally {
            owner.$lz$mute(muted);
            ListChanges.rewritten(owner, before, list, offset);
        }
    }

    @Override
    public void sort(Comparator<? super E> c) {
        Object[] before = list.toArray();
        boolean muted = owner.$lz$mute(true);
        try {
            list.sort(c);
        } finally {
            owner.$lz$mute(muted);
            ListChanges.rewritten(owner, before, list, offset);
        }
    }

    @Override
    public boolean equals(Object o) {
        return list.equals(o);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }
}
