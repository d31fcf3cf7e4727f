package dev.lazarus.internal.collection;

import java.util.SequencedSet;

/**
 * A logging {@link SequencedSet} view on Java 21+: the key set of a tracked {@code LinkedHashMap}
 * (removals log {@code MAP_REMOVE}; adding is unsupported, as in the JDK), or the reversed view of
 * a tracked {@code LinkedHashSet} (removals {@code SET_REMOVE}, adds {@code SET_ADD},
 * {@code addFirst}/{@code addLast} {@code SET_ADD_FIRST}/{@code SET_ADD_LAST}, swapped when the view
 * is reversed: the reversed view's addFirst is the set's addLast). The rest is {@link SetView}'s.
 */
final class SequencedSetView21<E> extends SetView<E> implements SequencedSet<E> {
    private final SequencedSet<E> seq;
    /** 0 when the view does not support it. */
    private final int addFirstOp;
    private final int addLastOp;

    SequencedSetView21(Owner owner, SequencedSet<E> set, int removeOp, int addOp, int addFirstOp, int addLastOp) {
        super(owner, set, removeOp, addOp, true);
        this.seq = set;
        this.addFirstOp = addFirstOp;
        this.addLastOp = addLastOp;
    }

    @Override
    public E getFirst() {
        return seq.getFirst();
    }

    @Override
    public E getLast() {
        return seq.getLast();
    }

    @Override
    public void addFirst(E e) {
        add(e, true);
    }

    @Override
    public void addLast(E e) {
        add(e, false);
    }

    private void add(E e, boolean first) {
        int op = first ? addFirstOp : addLastOp;
        if (op == 0) {
            throw new UnsupportedOperationException();
        }
        Owner.admit(owner, e);
        Sequenced21.muted(owner, () -> {
            if (first) {
                seq.addFirst(e);
            } else {
                seq.addLast(e);
            }
            return null;
        });
        // logged even when the element was there: it may have moved
        Owner.log(owner, op, 0, e, null);
    }

    @Override
    public E removeFirst() {
        E e = Sequenced21.muted(owner, seq::removeFirst);
        Owner.log(owner, removeOp, 0, e, null);
        return e;
    }

    @Override
    public E removeLast() {
        E e = Sequenced21.muted(owner, seq::removeLast);
        Owner.log(owner, removeOp, 0, e, null);
        return e;
    }

    @Override
    public SequencedSet<E> reversed() {
        SequencedSet<E> r = seq.reversed();
        return Sequenced21.logs(r) ? r : new SequencedSetView21<>(owner, r, removeOp, addOp, addLastOp, addFirstOp);
    }
}
