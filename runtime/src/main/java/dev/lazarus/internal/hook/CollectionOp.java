package dev.lazarus.internal.hook;

/**
 * The logical operations a tracked collection logs. Replay applies each to the restored
 * collection through the standard {@code java.util} interfaces (see {@code CollectionReplay}).
 * The numbers are written to disk: never renumber, only add.
 */
public final class CollectionOp {
    private CollectionOp() {
    }

    /** Map: put(a, b). */
    public static final int MAP_PUT = 1;
    /** Map: remove(a). */
    public static final int MAP_REMOVE = 2;
    /** Access-ordered LinkedHashMap: get(a) moved the entry to the end. */
    public static final int MAP_TOUCH = 3;
    /** Any collection or map: clear(). */
    public static final int CLEAR = 4;
    /** Set: add(a). */
    public static final int SET_ADD = 5;
    /** Set: remove(a). */
    public static final int SET_REMOVE = 6;
    /** List: add(index, a). */
    public static final int LIST_ADD = 7;
    /** List: set(index, a). */
    public static final int LIST_SET = 8;
    /** List: remove(index). */
    public static final int LIST_REMOVE = 9;
    /** Deque: addFirst(a). */
    public static final int DEQUE_ADD_FIRST = 10;
    /** Deque: addLast(a). */
    public static final int DEQUE_ADD_LAST = 11;
    /** Deque: pollFirst(). */
    public static final int DEQUE_REMOVE_FIRST = 12;
    /** Deque: pollLast(). */
    public static final int DEQUE_REMOVE_LAST = 13;
    /** Deque: removeFirstOccurrence(a). */
    public static final int DEQUE_REMOVE_FIRST_OCCURRENCE = 14;
    /** Deque: removeLastOccurrence(a). */
    public static final int DEQUE_REMOVE_LAST_OCCURRENCE = 15;
    /**
     * The whole content replaced: {@code a} is an {@code Object[]} of the elements in iteration
     * order, or for a map of keys and values alternating. Used after bulk reorderings (sort,
     * replaceAll, removeIf) where one record is simpler and not slower than many.
     */
    public static final int RESET = 16;
    /**
     * Java 21's {@code SequencedMap.putFirst(a, b)} on a {@code LinkedHashMap}: the entry ends first.
     * Replay does not need Java 21 (see {@code CollectionReplay}): a log written on 21+ is read on 17.
     */
    public static final int MAP_PUT_FIRST = 17;
    /** Java 21's {@code SequencedMap.putLast(a, b)} on a {@code LinkedHashMap}: the entry ends last. */
    public static final int MAP_PUT_LAST = 18;
    /** Java 21's {@code LinkedHashSet.addFirst(a)}: the element ends first. */
    public static final int SET_ADD_FIRST = 19;
    /** Java 21's {@code LinkedHashSet.addLast(a)}: the element ends last. */
    public static final int SET_ADD_LAST = 20;
}
