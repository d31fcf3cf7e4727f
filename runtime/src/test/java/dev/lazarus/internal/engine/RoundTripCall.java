package dev.lazarus.internal.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;

/**
 * The collection calls a generated history makes: single operations and the paths that log a whole
 * content or go through views and iterators (sort, removeIf, subList, descending views...). Each
 * call is applied to the model and to the tracked collection with the same arguments; functions and
 * predicates depend only on {@link #text} of an element, which is the same in both worlds.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
enum RoundTripCall {
    LIST_ADD(List.class, Arg.ELEMENT, Arg.NONE, Index.NONE, (c, a, b, i) -> list(c).add(a)),
    LIST_ADD_AT(List.class, Arg.ELEMENT, Arg.NONE, Index.INSERT, (c, a, b, i) -> list(c).add(i, a)),
    LIST_SET(List.class, Arg.ELEMENT, Arg.NONE, Index.EXISTING, (c, a, b, i) -> list(c).set(i, a)),
    LIST_REMOVE_AT(List.class, Arg.NONE, Arg.NONE, Index.EXISTING, (c, a, b, i) -> list(c).remove(i)),
    LIST_REMOVE_ELEMENT(List.class, Arg.ELEMENT, Arg.NONE, Index.NONE, (c, a, b, i) -> list(c).remove(a)),
    LIST_ADD_ALL_AT(List.class, Arg.ELEMENTS, Arg.NONE, Index.INSERT, (c, a, b, i) -> list(c).addAll(i, (List) a)),
    LIST_SUBLIST_CLEAR(List.class, Arg.NONE, Arg.END, Index.INSERT, (c, a, b, i) -> list(c).subList(i, (int) b).clear()),
    LIST_ITERATOR_SET(List.class, Arg.ELEMENT, Arg.NONE, Index.EXISTING, (c, a, b, i) -> {
        ListIterator it = list(c).listIterator(i);
        it.next();
        it.set(a);
    }),
    LIST_ITERATOR_ADD(List.class, Arg.ELEMENT, Arg.NONE, Index.INSERT, (c, a, b, i) -> list(c).listIterator(i).add(a)),
    /** Sorted by text, which names a node by its label: the same order in both worlds. */
    LIST_SORT(List.class, Arg.NONE, Arg.NONE, Index.NONE, (c, a, b, i) -> list(c).sort(Comparator.comparing(RoundTripCall::text))),
    LIST_REPLACE_ALL(List.class, Arg.NONE, Arg.NONE, Index.NONE,
            (c, a, b, i) -> list(c).replaceAll(e -> e instanceof Integer n ? Integer.valueOf(n + 1) : e)),

    DEQUE_ADD_FIRST(Deque.class, Arg.ELEMENT, Arg.NONE, Index.NONE, (c, a, b, i) -> deque(c).addFirst(a)),
    DEQUE_ADD_LAST(Deque.class, Arg.ELEMENT, Arg.NONE, Index.NONE, (c, a, b, i) -> deque(c).addLast(a)),
    DEQUE_OFFER_FIRST(Deque.class, Arg.ELEMENT, Arg.NONE, Index.NONE, (c, a, b, i) -> deque(c).offerFirst(a)),
    DEQUE_POLL_FIRST(Deque.class, Arg.NONE, Arg.NONE, Index.NONE, (c, a, b, i) -> deque(c).pollFirst()),
    DEQUE_POLL_LAST(Deque.class, Arg.NONE, Arg.NONE, Index.NONE, (c, a, b, i) -> deque(c).pollLast()),
    DEQUE_POP(Deque.class, Arg.NONE, Arg.NONE, Index.EXISTING, (c, a, b, i) -> deque(c).pop()),
    DEQUE_REMOVE_FIRST_OCCURRENCE(Deque.class, Arg.ELEMENT, Arg.NONE, Index.NONE,
            (c, a, b, i) -> deque(c).removeFirstOccurrence(a)),
    DEQUE_REMOVE_LAST_OCCURRENCE(Deque.class, Arg.ELEMENT, Arg.NONE, Index.NONE,
            (c, a, b, i) -> deque(c).removeLastOccurrence(a)),
    DEQUE_DESCENDING_ITERATOR_REMOVE(Deque.class, Arg.NONE, Arg.NONE, Index.EXISTING,
            (c, a, b, i) -> removeAt(deque(c), deque(c).descendingIterator(), i)),

    COLLECTION_ITERATOR_REMOVE(Collection.class, Arg.NONE, Arg.NONE, Index.EXISTING,
            (c, a, b, i) -> removeAt((Collection) c, ((Collection) c).iterator(), i)),
    COLLECTION_REMOVE_IF(Collection.class, Arg.NONE, Arg.NONE, Index.NONE,
            (c, a, b, i) -> ((Collection) c).removeIf(e -> text(e).length() % 2 == 0)),
    COLLECTION_RETAIN_ALL(Collection.class, Arg.ELEMENTS, Arg.NONE, Index.NONE,
            (c, a, b, i) -> ((Collection) c).retainAll((List) a)),
    COLLECTION_CLEAR(Collection.class, Arg.NONE, Arg.NONE, Index.NONE, (c, a, b, i) -> ((Collection) c).clear()),

    SET_ADD(Set.class, Arg.ELEMENT, Arg.NONE, Index.NONE, (c, a, b, i) -> set(c).add(a)),
    SET_REMOVE(Set.class, Arg.ELEMENT, Arg.NONE, Index.NONE, (c, a, b, i) -> set(c).remove(a)),
    SET_ADD_ALL(Set.class, Arg.ELEMENTS, Arg.NONE, Index.NONE, (c, a, b, i) -> set(c).addAll((List) a)),
    SORTED_SET_POLL_FIRST(NavigableSet.class, Arg.NONE, Arg.NONE, Index.NONE, (c, a, b, i) -> sortedSet(c).pollFirst()),
    SORTED_SET_POLL_LAST(NavigableSet.class, Arg.NONE, Arg.NONE, Index.NONE, (c, a, b, i) -> sortedSet(c).pollLast()),
    SORTED_SET_HEAD_CLEAR(NavigableSet.class, Arg.ELEMENT, Arg.NONE, Index.NONE,
            (c, a, b, i) -> sortedSet(c).headSet(a).clear()),
    SORTED_SET_DESCENDING_REMOVE(NavigableSet.class, Arg.ELEMENT, Arg.NONE, Index.NONE,
            (c, a, b, i) -> sortedSet(c).descendingSet().remove(a)),

    MAP_PUT(Map.class, Arg.KEY, Arg.VALUE, Index.NONE, (c, a, b, i) -> map(c).put(a, b)),
    MAP_REMOVE(Map.class, Arg.KEY, Arg.NONE, Index.NONE, (c, a, b, i) -> map(c).remove(a)),
    MAP_GET(Map.class, Arg.KEY, Arg.NONE, Index.NONE, (c, a, b, i) -> map(c).get(a)),
    MAP_PUT_IF_ABSENT(Map.class, Arg.KEY, Arg.VALUE, Index.NONE, (c, a, b, i) -> map(c).putIfAbsent(a, b)),
    MAP_COMPUTE(Map.class, Arg.KEY, Arg.NONE, Index.NONE,
            (c, a, b, i) -> map(c).compute(a, (k, v) -> v instanceof Integer n ? Integer.valueOf(n + 1) : Integer.valueOf(1))),
    MAP_COMPUTE_IF_ABSENT(Map.class, Arg.KEY, Arg.NON_NULL_VALUE, Index.NONE,
            (c, a, b, i) -> map(c).computeIfAbsent(a, k -> b)),
    MAP_COMPUTE_IF_PRESENT_REMOVE(Map.class, Arg.KEY, Arg.NONE, Index.NONE,
            (c, a, b, i) -> map(c).computeIfPresent(a, (k, v) -> null)),
    MAP_MERGE(Map.class, Arg.KEY, Arg.NON_NULL_VALUE, Index.NONE,
            (c, a, b, i) -> map(c).merge(a, b, (x, y) -> text(x).compareTo(text(y)) < 0 ? y : null)),
    MAP_PUT_ALL(Map.class, Arg.PAIRS, Arg.NONE, Index.NONE, (c, a, b, i) -> map(c).putAll(pairs((List) a))),
    MAP_REPLACE_ALL(Map.class, Arg.NONE, Arg.NONE, Index.NONE,
            (c, a, b, i) -> map(c).replaceAll((k, v) -> v instanceof Integer n ? Integer.valueOf(n * 2) : v)),
    MAP_KEY_SET_REMOVE(Map.class, Arg.KEY, Arg.NONE, Index.NONE, (c, a, b, i) -> map(c).keySet().remove(a)),
    MAP_VALUES_REMOVE_IF(Map.class, Arg.NONE, Arg.NONE, Index.NONE,
            (c, a, b, i) -> map(c).values().removeIf(v -> text(v).length() % 2 == 1)),
    MAP_ENTRY_ITERATOR_REMOVE(Map.class, Arg.NONE, Arg.NONE, Index.EXISTING,
            (c, a, b, i) -> removeAt(map(c).entrySet(), map(c).entrySet().iterator(), i)),
    MAP_ENTRY_SET_VALUE(Map.class, Arg.NONE, Arg.NON_NULL_VALUE, Index.EXISTING, (c, a, b, i) -> {
        String target = nth(map(c).entrySet(), i);
        Iterator<Map.Entry> it = map(c).entrySet().iterator();
        Map.Entry e = it.next();
        while (!text(e).equals(target)) {
            e = it.next();
        }
        e.setValue(b);
    }),
    MAP_CLEAR(Map.class, Arg.NONE, Arg.NONE, Index.NONE, (c, a, b, i) -> map(c).clear()),
    SORTED_MAP_POLL_FIRST(NavigableMap.class, Arg.NONE, Arg.NONE, Index.NONE, (c, a, b, i) -> sortedMap(c).pollFirstEntry()),
    SORTED_MAP_HEAD_CLEAR(NavigableMap.class, Arg.KEY, Arg.NONE, Index.NONE, (c, a, b, i) -> sortedMap(c).headMap(a).clear()),
    SORTED_MAP_TAIL_PUT(NavigableMap.class, Arg.KEY, Arg.VALUE, Index.NONE,
            (c, a, b, i) -> sortedMap(c).tailMap(a, true).put(a, b)),
    SORTED_MAP_DESCENDING_REMOVE(NavigableMap.class, Arg.KEY, Arg.NONE, Index.NONE,
            (c, a, b, i) -> sortedMap(c).descendingMap().remove(a));

    /** What an argument is: none, one element, a list of elements, a map key, a map value, key-value pairs, a sublist's end. */
    enum Arg { NONE, ELEMENT, ELEMENTS, KEY, VALUE, NON_NULL_VALUE, PAIRS, END }

    /** The index argument: none, an insertion point (0..size), an existing position (0..size-1). */
    enum Index { NONE, INSERT, EXISTING }

    interface Body {
        void run(Object collection, Object a, Object b, int index);
    }

    final Class<?> family;
    final Arg a;
    final Arg b;
    final Index index;
    private final Body body;

    RoundTripCall(Class<?> family, Arg a, Arg b, Index index, Body body) {
        this.family = family;
        this.a = a;
        this.b = b;
        this.index = index;
        this.body = body;
    }

    /** Whether the call adds (or puts) what it is given. */
    boolean grows() {
        return name().contains("ADD") || name().contains("PUT") || name().contains("OFFER");
    }

    void apply(Object collection, Object a, Object b, int index) {
        body.run(collection, a, b, index);
    }

    /** An element as the comparison prints it: a node by its label, a value by its class and text. */
    static String text(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof RoundTripNode n) {
            return "#" + n.label;
        }
        if (v instanceof Map.Entry<?, ?> e) {
            return text(e.getKey()); // keys name entries: they are unique
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        if (v instanceof List<?> l) {
            // List.of's classes differ by size and are an implementation detail: compare the content
            return "List" + l.stream().map(RoundTripCall::text).toList();
        }
        return v.getClass().getSimpleName() + ":" + v;
    }

    /**
     * Removes through {@code it} the first element whose text is the {@code index}-th smallest. By
     * text, not by position: a hash-ordered collection's iteration order depends on its table's
     * size, which its history sets and recovery does not keep, so a position would name different
     * elements in the model and in a recovered collection.
     */
    private static void removeAt(Collection<?> elements, Iterator<?> it, int index) {
        String target = nth(elements, index);
        while (!text(it.next()).equals(target)) {
            // skip
        }
        it.remove();
    }

    private static String nth(Collection<?> elements, int index) {
        return elements.stream().map(RoundTripCall::text).sorted().toList().get(index);
    }

    private static Map pairs(List<?> keysAndValues) {
        Map out = new LinkedHashMap();
        for (int k = 0; k < keysAndValues.size(); k += 2) {
            out.put(keysAndValues.get(k), keysAndValues.get(k + 1));
        }
        return out;
    }

    private static List list(Object c) {
        return (List) c;
    }

    private static Deque deque(Object c) {
        return (Deque) c;
    }

    private static Set set(Object c) {
        return (Set) c;
    }

    private static NavigableSet sortedSet(Object c) {
        return (NavigableSet) c;
    }

    private static Map map(Object c) {
        return (Map) c;
    }

    private static NavigableMap sortedMap(Object c) {
        return (NavigableMap) c;
    }
}
