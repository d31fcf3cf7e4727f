package dev.lazarus.internal.collection;

import java.util.Collection;
import java.util.Iterator;

/** What the Java 21 sequenced views share. */
final class Sequenced21 {
    private Sequenced21() {
    }

    /**
     * True when {@code r}, what a JDK view's {@code reversed()} returned, is already one of ours: the
     * reverse of a reversed JDK view is the map's or set's own view, which the tracked class
     * overrides. Wrapping it again would log nothing twice but cost a layer per reversal.
     */
    static boolean logs(Object r) {
        return r instanceof Owner || r instanceof SetView || r instanceof EntrySetView || r instanceof ValuesView
                || r instanceof ReversedMapView21;
    }

    /**
     * Removes and returns the first element through {@code c}'s logging iterator, which logs the
     * removal; {@link java.util.NoSuchElementException} when empty, as the JDK's views throw.
     */
    static <E> E removeFirst(Collection<E> c) {
        Iterator<E> it = c.iterator();
        E e = it.next();
        it.remove();
        return e;
    }

    /** Runs {@code r} with the owner's own logging muted; the caller logs the change once. */
    static <T> T muted(Owner owner, java.util.function.Supplier<T> r) {
        boolean was = owner.$lz$mute(true);
        try {
            return r.get();
        } finally {
            owner.$lz$mute(was);
        }
    }
}
