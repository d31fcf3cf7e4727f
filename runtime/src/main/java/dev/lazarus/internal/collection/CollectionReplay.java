package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one logged {@link CollectionOp} to a collection through the standard
 * {@code java.util} interfaces. During recovery the collection is detached, so applying an
 * operation logs nothing. An operation that does not fit the collection (an unknown op, a list
 * operation on a map, an index out of range, a removal from an empty deque) means that the log
 * and the state disagree: {@link IllegalStateException}.
 */
public final class CollectionReplay {
    private static final String[] NAMES = {
        null, "MAP_PUT", "MAP_REMOVE", "MAP_TOUCH", "CLEAR", "SET_ADD", "SET_REMOVE", "LIST_ADD",
        "LIST_SET", "LIST_REMOVE", "DEQUE_ADD_FIRST", "DEQUE_ADD_LAST", "DEQUE_REMOVE_FIRST",
        "DEQUE_REMOVE_LAST", "DEQUE_REMOVE_FIRST_OCCURRENCE", "DEQUE_REMOVE_LAST_OCCURRENCE", "RESET",
        "MAP_PUT_FIRST", "MAP_PUT_LAST", "SET_ADD_FIRST", "SET_ADD_LAST",
    };

    private CollectionReplay() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void apply(Object collection, int op, int index, Object a, Object b) {
        switch (op) {
            case CollectionOp.MAP_PUT -> as(Map.class, collection, op).put(a, b);
            case CollectionOp.MAP_REMOVE -> as(Map.class, collection, op).remove(a);
            case CollectionOp.MAP_TOUCH -> as(Map.class, collection, op).get(a);
            case CollectionOp.CLEAR -> {
                if (collection instanceof Map<?, ?> m) {
                    m.clear();
                } else {
                    as(Collection.class, collection, op).clear();
                }
            }
            case CollectionOp.SET_ADD -> as(Set.class, collection, op).add(a);
            case CollectionOp.SET_REMOVE -> as(Set.class, collection, op).remove(a);
            case CollectionOp.LIST_ADD -> {
                List list = as(List.class, collection, op);
                checkIndex(op, index, list.size() + 1);
                list.add(index, a);
            }
            case CollectionOp.LIST_SET -> {
                List list = as(List.class, collection, op);
                checkIndex(op, index, list.size());
                list.set(index, a);
            }
            case CollectionOp.LIST_REMOVE -> {
                List list = as(List.class, collection, op);
                checkIndex(op, index, list.size());
                list.remove(index);
            }
            case CollectionOp.DEQUE_ADD_FIRST -> as(Deque.class, collection, op).addFirst(a);
            case CollectionOp.DEQUE_ADD_LAST -> as(Deque.class, collection, op).addLast(a);
            case CollectionOp.DEQUE_REMOVE_FIRST -> {
                if (as(Deque.class, collection, op).pollFirst() == null) {
                    throw new IllegalStateException(name(op) + " on an empty deque");
                }
            }
            case CollectionOp.DEQUE_REMOVE_LAST -> {
                if (as(Deque.class, collection, op).pollLast() == null) {
                    throw new IllegalStateException(name(op) + " on an empty deque");
                }
            }
            case CollectionOp.DEQUE_REMOVE_FIRST_OCCURRENCE -> as(Deque.class, collection, op).removeFirstOccurrence(a);
            case CollectionOp.DEQUE_REMOVE_LAST_OCCURRENCE -> as(Deque.class, collection, op).removeLastOccurrence(a);
            case CollectionOp.RESET -> reset(collection, a);
            case CollectionOp.MAP_PUT_LAST -> {
                Map map = as(Map.class, collection, op);
                map.remove(a);
                map.put(a, b);
            }
            case CollectionOp.SET_ADD_LAST -> {
                Set set = as(Set.class, collection, op);
                set.remove(a);
                set.add(a);
            }
            case CollectionOp.MAP_PUT_FIRST -> putFirst(as(Map.class, collection, op), a, b);
            case CollectionOp.SET_ADD_FIRST -> addFirst(as(Set.class, collection, op), a);
            default -> throw new IllegalStateException("unknown collection op " + op + " for "
                    + (collection == null ? "null" : collection.getClass().getName()));
        }
    }

    /*
     * putFirst and addFirst are replayed by rebuilding the collection with the element first,
     * through the methods every JDK from 17 on has: the replayer is compiled for 17 and must read a
     * log written on 21+. Linear in the size, at replay only; the order it leaves is the one
     * SequencedMap.putFirst / LinkedHashSet.addFirst leave (an access-ordered map included: puts
     * into an emptied map keep the order they are made in).
     */

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void putFirst(Map map, Object key, Object value) {
        map.remove(key);
        Object[] rest = Owner.keysAndValues(map.entrySet());
        map.clear();
        map.put(key, value);
        for (int i = 0; i < rest.length; i += 2) {
            map.put(rest[i], rest[i + 1]);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addFirst(Set set, Object element) {
        set.remove(element);
        Object[] rest = set.toArray();
        set.clear();
        set.add(element);
        set.addAll(Arrays.asList(rest));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void reset(Object collection, Object a) {
        if (!(a instanceof Object[] all)) {
            throw new IllegalStateException("RESET needs an Object[], got "
                    + (a == null ? "null" : a.getClass().getName()));
        }
        if (collection instanceof Map m) {
            if (all.length % 2 != 0) {
                throw new IllegalStateException("RESET of a map needs keys and values in pairs, got "
                        + all.length + " objects");
            }
            m.clear();
            for (int i = 0; i < all.length; i += 2) {
                m.put(all[i], all[i + 1]);
            }
        } else {
            Collection c = as(Collection.class, collection, CollectionOp.RESET);
            c.clear();
            c.addAll(Arrays.asList(all));
        }
    }

    private static <T> T as(Class<T> type, Object collection, int op) {
        if (!type.isInstance(collection)) {
            throw new IllegalStateException(name(op) + " needs a " + type.getName() + ", got "
                    + (collection == null ? "null" : collection.getClass().getName()));
        }
        return type.cast(collection);
    }

    private static void checkIndex(int op, int index, int bound) {
        if (index < 0 || index >= bound) {
            throw new IllegalStateException(name(op) + " at index " + index + " of a list of "
                    + (op == CollectionOp.LIST_ADD ? bound - 1 : bound) + " elements");
        }
    }

    private static String name(int op) {
        return op > 0 && op < NAMES.length ? NAMES[op] : "op " + op;
    }
}
