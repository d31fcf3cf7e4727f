package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazarus.internal.hook.Tracked;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Random;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java 21+: seeded random sequences of the sequenced methods and views (putFirst, reversed(),
 * sequencedKeySet()..., nested reversals), the same on a tracked collection, made as the agent
 * makes it ({@link TrackedCollections}), and on a plain JDK one. Results and contents must agree,
 * and the log, replayed onto a fresh JDK collection, must give the tracked content in order.
 */
class SequencedRandomizedTest extends JournalTest {
    private static final int SEEDS = 40;
    private static final int STEPS = 150;

    private record Kind(String name, Supplier<Object> jdk, Supplier<Object> tracked) {
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Object> trackedLike(Supplier<Object> jdk, Class<?>[] types, Object... args) {
        return () -> {
            try {
                return TrackedCollections.trackedClassFor(jdk.get().getClass()).getConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static Kind kind(String name, Supplier<Object> jdk) {
        return new Kind(name, jdk, trackedLike(jdk, new Class<?>[0]));
    }

    static Stream<Arguments> kinds() {
        Class<?>[] accessOrder = {int.class, float.class, boolean.class};
        Class<?>[] comparator = {Comparator.class};
        Stream<Kind> kinds = Stream.of(
                kind("ArrayList", ArrayList::new),
                kind("LinkedList", LinkedList::new),
                kind("ArrayDeque", ArrayDeque::new),
                kind("LinkedHashSet", LinkedHashSet::new),
                kind("TreeSet", TreeSet::new),
                new Kind("TreeSet(reversed)", () -> new TreeSet<>(Comparator.reverseOrder()),
                        trackedLike(TreeSet::new, comparator, Comparator.reverseOrder())),
                kind("LinkedHashMap", LinkedHashMap::new),
                new Kind("LinkedHashMap(access order)", () -> new LinkedHashMap<>(16, 0.75f, true),
                        trackedLike(LinkedHashMap::new, accessOrder, 16, 0.75f, true)),
                kind("TreeMap", TreeMap::new));
        return kinds.flatMap(k -> LongStream.range(0, SEEDS).mapToObj(s -> Arguments.of(k.name(), k, s)));
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("kinds")
    void randomSequencedOperationsReplayExactly(String name, Kind kind, long seed) {
        Object tracked = kind.tracked().get();
        assertThat(tracked.getClass().getSuperclass()).isNotEqualTo(Object.class);
        attach((Tracked) tracked);
        Object plain = kind.jdk().get();
        Random rt = new Random(seed);
        Random rp = new Random(seed);
        for (int step = 0; step < STEPS; step++) {
            Object expected = outcome(plain, rp);
            Object actual = outcome(tracked, rt);
            assertThat(actual).as("step %d", step).isEqualTo(expected);
            assertThat(contents(tracked)).as("step %d", step).containsExactlyElementsOf(contents(plain));
        }
        assertReplays(tracked, kind.jdk().get());
    }

    /** The agent's LinkedHashMap hands out views of the JDK's types: no ClassCastException. */
    @Test
    void viewsOfTheTrackedLinkedHashMapAreSequenced() {
        Object tracked = trackedLike(LinkedHashMap::new, new Class<?>[0]).get();
        @SuppressWarnings("unchecked")
        Map<Integer, Integer> m = (Map<Integer, Integer>) tracked;
        assertThat(m.keySet()).isInstanceOf(SequencedSet.class);
        assertThat(m.values()).isInstanceOf(SequencedCollection.class);
        assertThat(m.entrySet()).isInstanceOf(SequencedSet.class);
        assertThat(((SequencedMap<?, ?>) m).reversed().keySet()).isInstanceOf(SequencedSet.class);
        Object set = trackedLike(LinkedHashSet::new, new Class<?>[0]).get();
        assertThat(((SequencedSet<?>) set).reversed()).isInstanceOf(SequencedSet.class);
    }

    private static Object outcome(Object c, Random r) {
        try {
            return String.valueOf(c instanceof SequencedMap<?, ?> ? mapOp(map(c), r, 0) : collOp(coll(c), r, 0));
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    @SuppressWarnings("unchecked")
    private static SequencedMap<Integer, Integer> map(Object c) {
        return (SequencedMap<Integer, Integer>) c;
    }

    @SuppressWarnings("unchecked")
    private static SequencedCollection<Integer> coll(Object c) {
        return (SequencedCollection<Integer>) c;
    }

    // ---- collections: lists, deques, sets, and their reversed views

    private static Object collOp(SequencedCollection<Integer> c, Random r, int depth) {
        int x = r.nextInt(30);
        switch (r.nextInt(depth < 3 ? 16 : 15)) {
            case 0, 1 -> {
                return c.add(x);
            }
            case 2 -> {
                c.addFirst(x);
                return c.size();
            }
            case 3 -> {
                c.addLast(x);
                return c.size();
            }
            case 4 -> {
                return c.removeFirst();
            }
            case 5 -> {
                return c.removeLast();
            }
            case 6 -> {
                return c.getFirst() + "/" + c.getLast();
            }
            case 7 -> {
                return c.remove(x);
            }
            case 8 -> {
                int m = r.nextInt(5) + 2;
                return c.removeIf(e -> e % m == 0);
            }
            case 9 -> {
                return c.removeAll(List.of(x, r.nextInt(30)));
            }
            case 10 -> {
                return r.nextInt(4) == 0 && c.retainAll(List.of(x, x + 1, x + 2, x + 3, x + 5, x + 8, x + 13));
            }
            case 11 -> {
                int m = r.nextInt(4) + 2;
                int n = 0;
                for (Iterator<Integer> it = c.iterator(); it.hasNext(); ) {
                    if (it.next() % m == 1) {
                        it.remove();
                        n++;
                    }
                }
                return n;
            }
            case 12 -> {
                return c.addAll(List.of(x, r.nextInt(30)));
            }
            case 13 -> {
                return c instanceof List<Integer> l ? listOp(l, r) : c.contains(x);
            }
            case 14 -> {
                if (r.nextInt(12) == 0) {
                    c.clear();
                }
                return c.size();
            }
            default -> {
                return "reversed " + collOp(c.reversed(), r, depth + 1);
            }
        }
    }

    /** What only a list (a reversed one too) has: positions. */
    private static Object listOp(List<Integer> l, Random r) {
        int x = r.nextInt(30);
        switch (r.nextInt(6)) {
            case 0 -> {
                l.add(r.nextInt(l.size() + 1), x);
                return l.size();
            }
            case 1 -> {
                return l.isEmpty() ? null : l.set(r.nextInt(l.size()), x);
            }
            case 2 -> {
                return l.isEmpty() ? null : l.remove(r.nextInt(l.size()));
            }
            case 3 -> {
                l.sort(r.nextBoolean() ? null : Comparator.reverseOrder());
                return null;
            }
            case 4 -> {
                int from = r.nextInt(l.size() + 1);
                int to = from + r.nextInt(l.size() - from + 1);
                List<Integer> sub = l.subList(from, to);
                return r.nextBoolean() ? sub.add(x) : sub.removeIf(e -> e % 3 == 0);
            }
            default -> {
                ListIterator<Integer> it = l.listIterator(r.nextInt(l.size() + 1));
                if (it.hasNext()) {
                    int v = it.next();
                    switch (r.nextInt(3)) {
                        case 0 -> it.remove();
                        case 1 -> it.set(v + 100);
                        default -> it.add(x);
                    }
                }
                return it.nextIndex();
            }
        }
    }

    // ---- maps, their reversed views and their sequenced views

    private static Integer value(Random r) {
        return r.nextInt(10) == 0 ? null : r.nextInt(100);
    }

    private static Object mapOp(SequencedMap<Integer, Integer> m, Random r, int depth) {
        int k = r.nextInt(30);
        switch (r.nextInt(depth < 3 ? 22 : 21)) {
            case 0, 1 -> {
                return m.put(k, value(r));
            }
            case 2 -> {
                return m.putFirst(k, value(r));
            }
            case 3 -> {
                return m.putLast(k, value(r));
            }
            case 4 -> {
                return m.pollFirstEntry();
            }
            case 5 -> {
                return m.pollLastEntry();
            }
            case 6 -> {
                Map.Entry<Integer, Integer> e = r.nextBoolean() ? m.firstEntry() : m.lastEntry();
                return e == null ? null : e.setValue(r.nextInt(100));
            }
            case 7 -> {
                return m.get(k) + "/" + m.remove(r.nextInt(30));
            }
            case 8 -> {
                return m.merge(k, r.nextInt(100), (a, b) -> a % 4 == 0 ? null : a + b);
            }
            case 9 -> {
                return m.compute(k, (a, b) -> b == null ? k : b % 5 == 0 ? null : b + 1);
            }
            case 10 -> {
                int d = r.nextInt(5);
                m.replaceAll((a, b) -> b == null ? a : b + d);
                return null;
            }
            case 11 -> {
                return seqSetOp(r.nextBoolean() ? m.sequencedKeySet() : (SequencedSet<Integer>) m.keySet(), r);
            }
            case 12 -> {
                SequencedCollection<Integer> v = r.nextBoolean() ? m.sequencedValues()
                        : (SequencedCollection<Integer>) m.values();
                return valuesOp(v, r);
            }
            case 13, 14 -> {
                SequencedSet<Map.Entry<Integer, Integer>> es = r.nextBoolean() ? m.sequencedEntrySet()
                        : (SequencedSet<Map.Entry<Integer, Integer>>) m.entrySet();
                return entriesOp(r.nextInt(3) == 0 ? es.reversed() : es, r);
            }
            case 15 -> {
                return m.putIfAbsent(k, r.nextInt(100)) + "/" + m.replace(r.nextInt(30), r.nextInt(100));
            }
            case 16 -> {
                return m.computeIfAbsent(k, a -> a % 3 == 0 ? null : a * 2);
            }
            case 17 -> {
                return m.getOrDefault(k, -1);
            }
            case 18 -> {
                return m.remove(k, r.nextInt(100)) + "/" + m.computeIfPresent(k, (a, b) -> b == null ? null : -b);
            }
            case 19 -> {
                m.putAll(Map.of(k, r.nextInt(100), k + 30, r.nextInt(100)));
                return m.size();
            }
            case 20 -> {
                if (r.nextInt(15) == 0) {
                    m.clear();
                }
                return m.size();
            }
            default -> {
                return "reversed " + mapOp(m.reversed(), r, depth + 1);
            }
        }
    }

    private static Object seqSetOp(SequencedSet<Integer> s, Random r) {
        int k = r.nextInt(30);
        switch (r.nextInt(10)) {
            case 0 -> {
                return s.removeFirst();
            }
            case 1 -> {
                return s.removeLast();
            }
            case 2 -> {
                return s.remove(k);
            }
            case 3 -> {
                int m = r.nextInt(5) + 2;
                return s.removeIf(e -> e % m == 0);
            }
            case 4 -> {
                return r.nextInt(3) == 0 && s.retainAll(List.of(k, k + 1, k + 2, k + 4, k + 7, k + 11));
            }
            case 5 -> {
                Iterator<Integer> it = s.iterator();
                int n = 0;
                while (it.hasNext() && n < 3) {
                    if (it.next() % 2 == 0) {
                        it.remove();
                        n++;
                    }
                }
                return n;
            }
            case 6 -> {
                s.addFirst(k);
                return s.size();
            }
            case 7 -> {
                return s.getFirst() + "/" + s.getLast();
            }
            case 8 -> {
                return "reversed " + seqSetOp(s.reversed(), r);
            }
            default -> {
                return s.removeAll(List.of(k, r.nextInt(30)));
            }
        }
    }

    private static Object valuesOp(SequencedCollection<Integer> v, Random r) {
        int x = r.nextInt(100);
        switch (r.nextInt(8)) {
            case 0 -> {
                return v.removeFirst();
            }
            case 1 -> {
                return v.removeLast();
            }
            case 2 -> {
                return v.remove(x);
            }
            case 3 -> {
                int m = r.nextInt(5) + 2;
                return v.removeIf(e -> e != null && e % m == 0);
            }
            case 4 -> {
                Iterator<Integer> it = v.iterator();
                if (it.hasNext()) {
                    it.next();
                    it.remove();
                }
                return v.size();
            }
            case 5 -> {
                return v.getFirst() + "/" + v.getLast();
            }
            case 6 -> {
                return "reversed " + valuesOp(v.reversed(), r);
            }
            default -> {
                v.addLast(x);
                return v.size();
            }
        }
    }

    private static Object entriesOp(SequencedSet<Map.Entry<Integer, Integer>> es, Random r) {
        switch (r.nextInt(8)) {
            case 0 -> {
                return es.removeFirst();
            }
            case 1 -> {
                return es.removeLast();
            }
            case 2 -> {
                Map.Entry<Integer, Integer> e = r.nextBoolean() ? es.getFirst() : es.getLast();
                return e.setValue(r.nextInt(100));
            }
            case 3 -> {
                int m = r.nextInt(5) + 2;
                return es.removeIf(e -> e.getKey() % m == 0);
            }
            case 4 -> {
                int n = 0;
                for (Iterator<Map.Entry<Integer, Integer>> it = es.iterator(); it.hasNext(); ) {
                    Map.Entry<Integer, Integer> e = it.next();
                    if (e.getKey() % 3 == 0) {
                        e.setValue(n++);
                    } else if (e.getKey() % 7 == 0) {
                        it.remove();
                    }
                }
                return n;
            }
            case 5 -> {
                es.stream().filter(e -> e.getKey() % 2 == 1).forEach(e -> e.setValue(-1));
                return es.size();
            }
            case 6 -> {
                return es.reversed().removeFirst();
            }
            default -> {
                es.addFirst(Map.entry(1, 1));
                return es.size();
            }
        }
    }
}
