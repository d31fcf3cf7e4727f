package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.Collection;
import java.util.SequencedSet;

/**
 * {@link TrackedLinkedHashSet} on Java 21+ ({@link TrackedCollections} chooses it): the JDK's
 * {@code addFirst}, {@code addLast}, {@code removeFirst} and {@code removeLast} work on the set's
 * private map, and its {@code reversed()} view iterates and removes there too; here they log
 * {@code SET_ADD_FIRST}, {@code SET_ADD_LAST}, {@code SET_REMOVE}, and the reversed view is a
 * logging view.
 */
public class TrackedLinkedHashSet21<E> extends TrackedLinkedHashSet<E> {
    private static final long serialVersionUID = 1L;

    public TrackedLinkedHashSet21() {
        super();
    }

    public TrackedLinkedHashSet21(Collection<? extends E> c) {
        super(c);
    }

    public TrackedLinkedHashSet21(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    public TrackedLinkedHashSet21(int initialCapacity) {
        super(initialCapacity);
    }

    @Override
    public void addFirst(E e) {
        Owner.admit(this, e);
        Sequenced21.muted(this, () -> {
            super.addFirst(e);
            return null;
        });
        // logged even when the element was there: it may have moved
        Owner.log(this, CollectionOp.SET_ADD_FIRST, 0, e, null);
    }

    @Override
    public void addLast(E e) {
        Owner.admit(this, e);
        Sequenced21.muted(this, () -> {
            super.addLast(e);
            return null;
        });
        Owner.log(this, CollectionOp.SET_ADD_LAST, 0, e, null);
    }

    @Override
    public E removeFirst() {
        E e = Sequenced21.muted(this, super::removeFirst);
        Owner.log(this, CollectionOp.SET_REMOVE, 0, e, null);
        return e;
    }

    @Override
    public E removeLast() {
        E e = Sequenced21.muted(this, super::removeLast);
        Owner.log(this, CollectionOp.SET_REMOVE, 0, e, null);
        return e;
    }

    /** The reversed view's addFirst is this set's addLast: the ops are swapped. */
    @Override
    public SequencedSet<E> reversed() {
        return new SequencedSetView21<>(this, super.reversed(), CollectionOp.SET_REMOVE, CollectionOp.SET_ADD,
                CollectionOp.SET_ADD_LAST, CollectionOp.SET_ADD_FIRST);
    }
}
