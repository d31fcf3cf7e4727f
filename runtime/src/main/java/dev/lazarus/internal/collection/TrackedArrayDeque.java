package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * An {@link ArrayDeque} that logs its changes while attached ({@code lzOid != 0}) as deque
 * operations. The derived methods (add, offer, push, pop, poll, remove...) call the logging
 * primitives of this class (addFirst, addLast, pollFirst, pollLast, remove*Occurrence) rather
 * than the JDK's, so that each change is logged exactly once. Bulk removals log one
 * {@code RESET}: a deque has no index to name the elements that went.
 */
public class TrackedArrayDeque<E> extends ArrayDeque<E> implements Owner {
    private static final long serialVersionUID = 1L;

    private transient long lzOid;
    private transient boolean lzMute;

    public TrackedArrayDeque() {
        super();
    }

    public TrackedArrayDeque(int numElements) {
        super(numElements);
    }

    public TrackedArrayDeque(Collection<? extends E> c) {
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

    private void log(int op, Object a) {
        if (lzOid != 0 && !lzMute) {
            Hooks.op(lzOid, op, 0, a, null);
        }
    }

    // ---- primitives

    @Override
    public void addFirst(E e) {
        super.addFirst(Owner.admit(this, e));
        log(CollectionOp.DEQUE_ADD_FIRST, e);
    }

    @Override
    public void addLast(E e) {
        super.addLast(Owner.admit(this, e));
        log(CollectionOp.DEQUE_ADD_LAST, e);
    }

    @Override
    public E pollFirst() {
        E e = super.pollFirst();
        if (e != null) {
            log(CollectionOp.DEQUE_REMOVE_FIRST, null);
        }
        return e;
    }

    @Override
    public E pollLast() {
        E e = super.pollLast();
        if (e != null) {
            log(CollectionOp.DEQUE_REMOVE_LAST, null);
        }
        return e;
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
        boolean removed = super.removeFirstOccurrence(o);
        if (removed) {
            log(CollectionOp.DEQUE_REMOVE_FIRST_OCCURRENCE, o);
        }
        return removed;
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
        boolean removed = super.removeLastOccurrence(o);
        if (removed) {
            log(CollectionOp.DEQUE_REMOVE_LAST_OCCURRENCE, o);
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

    // ---- derived operations, through the primitives above

    @Override
    public boolean add(E e) {
        addLast(e);
        return true;
    }

    @Override
    public boolean offer(E e) {
        addLast(e);
        return true;
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
    public E poll() {
        return pollFirst();
    }

    @Override
    public E removeFirst() {
        E e = pollFirst();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    public E removeLast() {
        E e = pollLast();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    public E remove() {
        return removeFirst();
    }

    @Override
    public E pop() {
        return removeFirst();
    }

    @Override
    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    /** Like the JDK's (which adds each element with addLast), minus its pre-sizing. */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (!$lz$logging()) {
            return super.addAll(c);
        }
        int before = size();
        c.forEach(this::addLast);
        return size() > before;
    }

    // ---- bulk removals

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return Owner.bulk(this, this::size, () -> super.removeIf(filter), b -> {
            if (size() != b) {
                Owner.reset(this);
            }
        });
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return Owner.bulk(this, this::size, () -> super.removeAll(c), b -> {
            if (size() != b) {
                Owner.reset(this);
            }
        });
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return Owner.bulk(this, this::size, () -> super.retainAll(c), b -> {
            if (size() != b) {
                Owner.reset(this);
            }
        });
    }

    // ---- iterators

    @Override
    public Iterator<E> iterator() {
        return new Iter(super.iterator(), false);
    }

    @Override
    public Iterator<E> descendingIterator() {
        return new Iter(super.descendingIterator(), true);
    }

    /**
     * Logs the removal of {@code e}, which was at position {@code p} from the head: as a removal
     * at an end when it was at one, else as the removal of its first (or last) occurrence when
     * no equal element comes before (or after) it, which replays exactly; else a RESET.
     */
    private void removedAt(int p, E e) {
        if (!$lz$logging()) {
            return;
        }
        if (p == 0) {
            log(CollectionOp.DEQUE_REMOVE_FIRST, null);
        } else if (p == size()) {
            log(CollectionOp.DEQUE_REMOVE_LAST, null);
        } else {
            boolean equalBefore = false;
            boolean equalAfter = false;
            int i = 0;
            for (Iterator<E> it = super.iterator(); it.hasNext(); i++) {
                if (e.equals(it.next())) {
                    if (i < p) {
                        equalBefore = true;
                    } else {
                        equalAfter = true;
                    }
                }
            }
            if (!equalBefore) {
                log(CollectionOp.DEQUE_REMOVE_FIRST_OCCURRENCE, e);
            } else if (!equalAfter) {
                log(CollectionOp.DEQUE_REMOVE_LAST_OCCURRENCE, e);
            } else {
                Owner.reset(this);
            }
        }
    }

    /** Counts positions from the head so that a removal can be logged; see {@link #removedAt}. */
    private final class Iter implements Iterator<E> {
        private final Iterator<E> it;
        private final boolean descending;
        /** Position from the head of the element that next() returns. */
        private int next;
        private int last = -1;
        private E lastElement;

        Iter(Iterator<E> it, boolean descending) {
            this.it = it;
            this.descending = descending;
            this.next = descending ? size() - 1 : 0;
        }

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public E next() {
            E e = it.next();
            last = descending ? next-- : next++;
            lastElement = e;
            return e;
        }

        @Override
        public void remove() {
            boolean muted = $lz$mute(true);
            try {
                it.remove();
            } finally {
                $lz$mute(muted);
            }
            if (!descending) {
                // the elements after the removed one moved one place towards the head
                next = last;
            }
            removedAt(last, lastElement);
            last = -1;
        }
    }

    /** The clone is detached: it copies this object's fields, the id among them. */
    @Override
    public TrackedArrayDeque<E> clone() {
        @SuppressWarnings("unchecked")
        TrackedArrayDeque<E> c = (TrackedArrayDeque<E>) super.clone();
        c.lzOid = 0;
        c.lzMute = false;
        return c;
    }
}
