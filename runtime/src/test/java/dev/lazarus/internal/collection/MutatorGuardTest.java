package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guard against silent losses on new JDKs: on the running JDK, every public method of each
 * supported JDK collection class, and of every view that the tracked class hands out (key sets,
 * reversed views, sub-maps, iterators... two levels deep), must be implemented by Lazarus's own
 * class, or be on one of the explicit lists below: methods that change nothing, JDK
 * implementations that are specified to work through methods Lazarus overrides (each line says
 * which), and JDK view classes that pass every call to the tracked collection. A JDK that adds a
 * mutator, or a view type that the tracked class does not match (the ClassCastException of a
 * {@code (SequencedSet) map.keySet()}), fails this test; the randomized tests then check that
 * what the lists accept behaves.
 */
class MutatorGuardTest {
    private static final String OWN = "dev.lazarus.internal.collection.";

    /** Methods that change nothing, by signature, whoever implements them. */
    private static final Set<String> READ_ONLY = Set.of(
            "size()", "isEmpty()", "contains(Object)", "containsAll(Collection)", "containsKey(Object)",
            "containsValue(Object)", "get(Object)", "getOrDefault(Object,Object)", "get(int)", "indexOf(Object)", "lastIndexOf(Object)",
            "toArray()", "toArray(Object[])", "toArray(IntFunction)", "equals(Object)", "hashCode()", "toString()",
            "getClass()", "notify()", "notifyAll()", "wait()", "wait(long)", "wait(long,int)",
            "forEach(Consumer)", "forEach(BiConsumer)", "forEachRemaining(Consumer)", "stream()", "parallelStream()",
            "spliterator()", "hasNext()", "hasPrevious()", "next()", "previous()", "nextIndex()", "previousIndex()",
            "peek()", "peekFirst()", "peekLast()", "element()", "getFirst()", "getLast()", "first()", "last()",
            "firstKey()", "lastKey()", "comparator()", "lower(Object)", "floor(Object)", "ceiling(Object)",
            "higher(Object)", "lowerKey(Object)", "floorKey(Object)", "ceilingKey(Object)", "higherKey(Object)",
            // TreeMap's and SequencedMap's entries are immutable copies (tested: setValue throws)
            "firstEntry()", "lastEntry()", "lowerEntry(Object)", "floorEntry(Object)", "ceilingEntry(Object)",
            "higherEntry(Object)",
            // capacity, not content
            "trimToSize()", "ensureCapacity(int)",
            // ConcurrentHashMap's reads; the entries its bulk methods hand out write through put()
            "mappingCount()", "getMap()", "getMappedValue()", "keys()", "elements()");

    /**
     * ConcurrentHashMap's parallel bulk reads ({@code forEach(long, ...)}, {@code search*},
     * {@code reduce*}): functions over keys, values or entries; the entries' setValue is put().
     */
    private static boolean concurrentBulkRead(Method m) {
        return m.getDeclaringClass() == ConcurrentHashMap.class
                && (m.getName().startsWith("search") || m.getName().startsWith("reduce")
                || m.getName().startsWith("forEach")) && m.getParameterCount() >= 2;
    }

    /**
     * JDK implementations, by declaring type and signature, that are specified (and tested by the
     * randomized tests) to work through methods that Lazarus's classes override.
     */
    private static final Set<String> ROUTED = Set.of(
            // skeletons over iterator().remove(), remove(Object), add(E), put(K, V)
            "AbstractCollection.addAll(Collection)", "AbstractCollection.removeAll(Collection)",
            "AbstractCollection.retainAll(Collection)", "AbstractSet.removeAll(Collection)",
            "AbstractCollection.remove(Object)", "AbstractMap.putAll(Map)",
            "Collection.removeIf(Predicate)",
            // the JDK's views refuse adding the same way (UnsupportedOperationException)
            "AbstractCollection.add(Object)",
            // sub-lists: add(E) is add(size, E), clear() is removeRange (overridden), iterator() is listIterator(0)
            "AbstractList.add(Object)", "AbstractList.clear()", "AbstractList.listIterator()", "AbstractList.iterator()",
            // Map's defaults over get/put/remove (NavigableMapView) and entrySet().setValue
            "Map.putIfAbsent(Object,Object)", "Map.remove(Object,Object)", "Map.replace(Object,Object)",
            "Map.replace(Object,Object,Object)", "Map.computeIfAbsent(Object,Function)",
            "Map.computeIfPresent(Object,BiFunction)", "Map.compute(Object,BiFunction)",
            "Map.merge(Object,Object,BiFunction)", "Map.replaceAll(BiFunction)", "Map.getOrDefault(Object,Object)",
            // List's defaults over add(int, E), remove(int), listIterator (sub-lists, the list's reverse)
            "List.addFirst(Object)", "List.addLast(Object)", "List.removeFirst()", "List.removeLast()",
            "List.replaceAll(UnaryOperator)", "List.sort(Comparator)",
            // reversed views of the JDK that call the tracked collection (see PASS_THROUGH)
            "List.reversed()", "Deque.reversed()", "LinkedList.reversed()",
            // sorted collections: reversed() is descendingSet()/descendingMap(), both overridden;
            // removeFirst/Last is pollFirst/Last; addFirst/putFirst... throw UnsupportedOperationException
            "NavigableSet.reversed()", "NavigableMap.reversed()", "NavigableSet.removeFirst()",
            "NavigableSet.removeLast()", "SortedSet.addFirst(Object)", "SortedSet.addLast(Object)",
            "SortedMap.putFirst(Object,Object)", "SortedMap.putLast(Object,Object)",
            "TreeMap.putFirst(Object,Object)", "TreeMap.putLast(Object,Object)",
            "TreeSet.addFirst(Object)", "TreeSet.addLast(Object)",
            // SequencedMap's default views wrap keySet()/values()/entrySet() (logging views) and call
            // pollFirstEntry()/pollLastEntry() (overridden) for removeFirst/removeLast
            "SequencedMap.sequencedKeySet()", "SequencedMap.sequencedValues()", "SequencedMap.sequencedEntrySet()",
            "SequencedMap.pollFirstEntry()", "SequencedMap.pollLastEntry()",
            // SequencedCollection's defaults over iterator().remove() and reversed()
            "SequencedCollection.removeFirst()", "SequencedCollection.removeLast()",
            "SequencedCollection.addFirst(Object)", "SequencedCollection.addLast(Object)");

    /**
     * JDK view classes that pass every call to the collection that made them (the tracked one) or
     * to its logging views: their methods are the JDK's, so this test does not list them; the
     * randomized tests run every mutation through them.
     */
    private static final Set<String> PASS_THROUGH = Set.of(
            "java.util.ReverseOrderListView", "java.util.ReverseOrderListView$Rand",
            "java.util.ReverseOrderListView$DescendingIterator", "java.util.ReverseOrderListView$DescendingListIterator",
            "java.util.ReverseOrderDequeView", "java.util.LinkedList$ReverseOrderLinkedListView",
            "java.util.SequencedMap$1SeqKeySet", "java.util.SequencedMap$1SeqValues",
            "java.util.SequencedMap$1SeqEntrySet");

    /**
     * Paths the agent itself routes by rewriting JDK classes: ConcurrentHashMap's key set is the
     * JDK's final KeySetView, whose iterator removal (removeIf, retainAll) and add (keySet(default))
     * call package-private final methods of ConcurrentHashMap; the agent's ConcurrentKeySetRoute
     * makes them call remove(key) and putIfAbsent(key, default), which the tracked map logs.
     * Checked on the running JDK by ConcurrentKeySetRouteTest, and under the agent by CaptureIT.
     */
    private static final Set<String> ROUTED_BY_THE_AGENT = Set.of("ConcurrentHashMap.keySet()",
            "ConcurrentHashMap.keySet(Object)", "java.util.concurrent.ConcurrentHashMap$KeySetView");

    private static final List<Class<?>> JDK = List.of(ArrayList.class, LinkedList.class, HashMap.class,
            LinkedHashMap.class, TreeMap.class, HashSet.class, LinkedHashSet.class, TreeSet.class, ArrayDeque.class,
            ConcurrentHashMap.class);

    @Test
    void everyMutatorOfTheRunningJdkIsOverriddenOrListed() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> jdk : JDK) {
            Object plain = filled(jdk.getConstructor().newInstance());
            Object tracked = filled(TrackedCollections.trackedClassFor(jdk).getConstructor().newInstance());
            check(jdk.getSimpleName(), plain, tracked, 0, problems);
        }
        assertThat(problems).as("Java %s: methods that are neither overridden by Lazarus nor listed in this test"
                + " (a new mutator must be logged or refused)", Runtime.version()).isEmpty();
    }

    /** The guard itself: a class that misses an override is reported. */
    @Test
    void aMissingOverrideIsReported() throws Exception {
        List<String> problems = new ArrayList<>();
        compare("HashMap", HashMap.class, Unguarded.class, problems);
        assertThat(problems).anyMatch(p -> p.contains("put(Object,Object)"));
    }

    /** A tracked class that forgot its put(). */
    @SuppressWarnings("serial")
    static class Unguarded extends HashMap<Object, Object> {
    }

    @SuppressWarnings("unchecked")
    private static Object filled(Object c) {
        for (int i = 1; i <= 5; i++) {
            if (c instanceof Map<?, ?> m) {
                ((Map<Object, Object>) m).put(i, i);
            } else {
                ((Collection<Object>) c).add(i);
            }
        }
        return c;
    }

    private static void check(String path, Object plain, Object tracked, int depth, List<String> problems) {
        Class<?> t = tracked.getClass();
        if (!t.getName().startsWith(OWN)) {
            if (!PASS_THROUGH.contains(t.getName()) && !ROUTED_BY_THE_AGENT.contains(t.getName())) {
                problems.add(path + ": a JDK view " + t.getName() + " (neither Lazarus's nor a known pass-through)");
            }
            return;
        }
        compare(path, plain.getClass(), t, problems);
        if (depth == 2) {
            return;
        }
        for (Method m : t.getMethods()) {
            Object[] args = viewArgs(m);
            if (args == null) {
                continue;
            }
            Object p = invoke(m, plain, args);
            Object v = invoke(m, tracked, args);
            if (p != null && v != null) {
                check(path + "." + m.getName() + "(" + Arrays.toString(args) + ")", p, v, depth + 1, problems);
            }
        }
    }

    /** Arguments for a method that returns a view (of an Integer collection filled with 1..5), else null. */
    private static Object[] viewArgs(Method m) {
        Class<?> r = m.getReturnType();
        if (Modifier.isStatic(m.getModifiers()) || m.isBridge()
                || !(Collection.class.isAssignableFrom(r) || Map.class.isAssignableFrom(r) || Iterator.class.isAssignableFrom(r))) {
            return null;
        }
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (types[i] == int.class) {
                args[i] = i == 0 ? 1 : 3;
            } else if (types[i] == boolean.class) {
                args[i] = true;
            } else if (types[i] == Object.class) {
                args[i] = i == 0 ? 2 : 4;
            } else {
                return null;
            }
        }
        return args;
    }

    private static Object invoke(Method m, Object target, Object[] args) {
        try {
            Method own = target.getClass().getMethod(m.getName(), m.getParameterTypes());
            own.setAccessible(true);
            return own.invoke(target, args);
        } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
            return null;
        } catch (InvocationTargetException e) {
            return null;
        }
    }

    private static void compare(String path, Class<?> jdk, Class<?> own, List<String> problems) {
        if (!jdk.isAssignableFrom(own)) {
            // a view: it must be of every collection type the JDK's is, or a cast fails under the agent only
            for (Class<?> i : interfaces(jdk)) {
                if (!i.isAssignableFrom(own)) {
                    problems.add(path + ": " + own.getName() + " is not a " + i.getName() + " as the JDK's "
                            + jdk.getName() + " is (ClassCastException under the agent)");
                }
            }
        }
        for (Method m : own.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.isSynthetic()) {
                continue;
            }
            String sig = signature(m);
            Class<?> d = m.getDeclaringClass();
            if (d.getName().startsWith(OWN) || READ_ONLY.contains(sig) || concurrentBulkRead(m)
                    || ROUTED.contains(d.getSimpleName() + "." + sig) || ROUTED_BY_THE_AGENT.contains(d.getSimpleName() + "." + sig)) {
                continue;
            }
            String problem = path + ": " + d.getSimpleName() + "." + sig;
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
    }

    /** The java.util collection, map and iterator interfaces that {@code c} implements. */
    private static Set<Class<?>> interfaces(Class<?> c) {
        Set<Class<?>> out = new java.util.HashSet<>();
        List<Class<?>> work = new ArrayList<>(List.of(c));
        while (!work.isEmpty()) {
            Class<?> k = work.remove(work.size() - 1);
            if (k.isInterface() && k.getPackageName().equals("java.util") && (Collection.class.isAssignableFrom(k)
                    || Map.class.isAssignableFrom(k) || Iterator.class.isAssignableFrom(k))) {
                out.add(k);
            }
            work.addAll(List.of(k.getInterfaces()));
            if (k.getSuperclass() != null) {
                work.add(k.getSuperclass());
            }
        }
        return out;
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }
}
