package dev.lazarus.internal.hook;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * What {@code Arrays.asList(array)} returns in a class that touches tracked arrays: the same
 * fixed-size, write-through list, whose element writes also reach {@link Hooks#arrayWritten}. Every
 * mutating path of a fixed-size list ends in {@code set} ({@code Collections.reverse}, {@code sort},
 * {@code replaceAll}, list-iterator writes), so an alias made this way is logged, not lost; the
 * engine ignores arrays it does not track.
 */
public final class ArrayListView<E> extends AbstractList<E> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;
    private final E[] array;

    ArrayListView(E[] array) {
        this.array = Objects.requireNonNull(array);
    }

    @Override
    public E get(int index) {
        return array[index];
    }

    @Override
    public E set(int index, E element) {
        E old = array[index];
        array[index] = element;
        Hooks.arrayWritten(array, index, index + 1);
        return old;
    }

    @Override
    public int size() {
        return array.length;
    }

    @Override
    public Object[] toArray() {
        return java.util.Arrays.copyOf(array, array.length, Object[].class);
    }
}
