package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * A {@link LinkedHashSet} that logs its changes while attached ({@code lzOid != 0}). addAll,
 * removeAll, retainAll and removeIf are the inherited {@code AbstractCollection},
 * {@code AbstractSet} and {@code Collection} ones, specified to go through {@link #add},
 * {@link #remove} and the iterator's {@code remove}, all of which log. Replay adds in the same
 * order, so the iteration order follows.
 */
public class TrackedLinkedHashSet<E> extends LinkedHashSet<E> implements Owner {
    private static final long serialVersionUID = 1L;

    private transient long lzOid;
    private transient boolean lzMute;

    public TrackedLinkedHashSet() {
        super();
    }

    public TrackedLinkedHashSet(Collection<? extends E> c) {
        super(c);
    }

    public TrackedLinkedHashSet(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    public TrackedLinkedHashSet(int initialCapacity) {
        super(initialCapacity);
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

    @Override
    public boolean add(E e) {
        boolean added = super.add(Owner.admit(this, e));
        if (added) {
            log(CollectionOp.SET_ADD, e);
        }
        return added;
    }

    @Override
    public boolean remove(Object o) {
        boolean removed = super.remove(o);
        if (removed) {
            log(CollectionOp.SET_REMOVE, o);
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

    @Override
    public Iterator<E> iterator() {
        return new LoggingIterator<>(this, super.iterator(), CollectionOp.SET_REMOVE);
    }

    /** The clone is detached: it copies this object's fields, the id among them. */
    @Override
    public Object clone() {
        TrackedLinkedHashSet<?> c = (TrackedLinkedHashSet<?>) super.clone();
        c.lzOid = 0;
        c.lzMute = false;
        return c;
    }
}
