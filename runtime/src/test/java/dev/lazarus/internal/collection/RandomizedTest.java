package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazarus.internal.hook.Tracked;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random sequences of mixed operations, views and iterators included. The same sequence
 * runs on a tracked collection and on a plain JDK one: results and contents must agree (the
 * tracked classes are transparent), and replaying the log onto a fresh JDK collection must give
 * the tracked content in the same iteration order.
 *
 * <p>Random choices never depend on iteration order (which predicate, which value), so that hash
 * collections whose tables were sized differently still make the same changes.
 */
class RandomizedTest extends JournalTest {
    private static final int SEEDS = 40;
    private static final int STEPS = 150;

    @FunctionalInterface
    interface Action<C> {
        Object run(C c, Random r);
    }

    private record Kind<C>(String name, Supplier<C> tracked, Supplier<C> jdk, List<Action<C>> actions,
                           boolean ordered) {
    }

    private static Stream<Arguments> seeds(Kind<?>... kinds) {
        return Stream.of(kinds).flatMap(k -> LongStream.range(0, SEEDS).mapToObj(s -> Arguments.of(k.name(), k, s)));
    }

    static Stream<Arguments> lists() {
        return seeds(new Kind<List<Integer>>("ArrayList", TrackedArrayList::new, ArrayList::new, LIST_ACTIONS, true),
                new Kind<List<Integer>>("LinkedList", TrackedLinkedList::new, LinkedList::new, LINKED_LIST_ACTIONS, true));
    }

    static Stream<Arguments> deques() {
        return seeds(new Kind<Deque<Integer>>("ArrayDeque", TrackedArrayDeque::new, ArrayDeque::new, DEQUE_ACTIONS, true));
    }

    static Stream<Arguments> sets() {
        return seeds(new Kind<Set<Integer>>("HashSet", TrackedHashSet::new, HashSet::new, SET_ACTIONS, false),
                new Kind<Set<Integer>>("LinkedHashSet", TrackedLinkedHashSet::new, LinkedHashSet::new, SET_ACTIONS, true),
                new Kind<Set<Integer>>("TreeSet", TrackedTreeSet::new, TreeSet::new, TREE_SET_ACTIONS, true),
                new Kind<Set<Integer>>("TreeSet(reversed)", () -> new TrackedTreeSet<>(Comparator.reverseOrder()),
                        () -> new TreeSet<>(Comparator.reverseOrder()), TREE_SET_ACTIONS, true));
    }

    static Stream<Arguments> maps() {
        return seeds(new Kind<Map<Integer, Integer>>("HashMap", TrackedHashMap::new, HashMap::new, mapActions(true), false),
                new Kind<Map<Integer, Integer>>("LinkedHashMap", TrackedLinkedHashMap::new, LinkedHashMap::new,
                        mapActions(true), true),
                new Kind<Map<Integer, Integer>>("LinkedHashMap(access order)",
                        () -> new TrackedLinkedHashMap<>(16, 0.75f, true), () -> new LinkedHashMap<>(16, 0.75f, true),
                        mapActions(true), true),
                new Kind<Map<Integer, Integer>>("TreeMap", TrackedTreeMap::new, TreeMap::new, TREE_MAP_ACTIONS, true),
                new Kind<Map<Integer, Integer>>("TreeMap(reversed)", () -> new TrackedTreeMap<>(Comparator.reverseOrder()),
                        () -> new TreeMap<>(Comparator.reverseOrder()), TREE_MAP_ACTIONS, true),
                new Kind<Map<Integer, Integer>>("ConcurrentHashMap", TrackedConcurrentHashMap::new,
                        ConcurrentHashMap::new, mapActions(false), false));
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource({"lists", "deques", "sets", "maps"})
    <C> void randomSequencesReplayExactly(String name, Kind<C> kind, long seed) {
        C tracked = kind.tracked().get();
        attach((Tracked) tracked);
        C plain = kind.jdk().get();
        Random rt = new Random(seed);
        Random rp = new Random(seed);
        for (int step = 0; step < STEPS; step++) {
            int pick = rt.nextInt(kind.actions().size());
            rp.nextInt(kind.actions().size());
            Action<C> action = kind.actions().get(pick);
            Object expected = outcome(action, plain, rp);
            Object actual = outcome(action, tracked, rt);
            assertThat(actual).as("step %d, action %d", step, pick).isEqualTo(expected);
            if (kind.ordered()) {
                assertThat(contents(tracked)).as("step %d, action %d", step, pick)
                        .containsExactlyElementsOf(contents(plain));
            } else {
                assertThat(contents(tracked)).as("step %d, action %d", step, pick)
                        .containsExactlyInAnyOrderElementsOf(contents(plain));
            }
        }
        assertReplays(tracked, kind.jdk().get());
    }

    private static <C> Object outcome(Action<C> action, C c, Random r) {
        try {
            return String.valueOf(action.run(c, r));
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    // ---- lists

    private static final List<Action<List<Integer>>> LIST_ACTIONS = List.of(
            (l, r) -> l.add(r.nextInt(30)),
            (l, r) -> l.add(r.nextInt(30)),
            (l, r) -> {
                l.add(r.nextInt(l.size() + 1), r.nextInt(30));
                return null;
            },
            (l, r) -> l.addAll(r.nextInt(l.size() + 1), List.of(r.nextInt(30), r.nextInt(30))),
            (l, r) -> l.addAll(List.of(r.nextInt(30))),
            (l, r) -> l.isEmpty() ? null : l.set(r.nextInt(l.size()), r.nextInt(30)),
            (l, r) -> l.isEmpty() ? null : l.remove(r.nextInt(l.size())),
            (l, r) -> l.remove(Integer.valueOf(r.nextInt(30))),
            (l, r) -> {
                int m = r.nextInt(7) + 2;
                return l.removeIf(x -> x % m == 0);
            },
            (l, r) -> l.removeAll(List.of(r.nextInt(30), r.nextInt(30))),
            (l, r) -> r.nextInt(5) == 0 && l.retainAll(List.of(r.nextInt(30), r.nextInt(30), r.nextInt(30))),
            (l, r) -> {
                int d = r.nextInt(5);
                l.replaceAll(x -> x % 3 == 0 ? x + d : x);
                return null;
            },
            (l, r) -> {
                l.sort(r.nextBoolean() ? null : Comparator.reverseOrder());
                return null;
            },
            (l, r) -> {
                Collections.shuffle(l, new Random(r.nextLong()));
                return null;
            },
            (l, r) -> {
                int m = r.nextInt(4) + 2;
                int n = 0;
                for (Iterator<Integer> it = l.iterator(); it.hasNext(); ) {
                    if (it.next() % m == 1) {
                        it.remove();
                        n++;
                    }
                }
                return n;
            },
            (l, r) -> {
                ListIterator<Integer> it = l.listIterator(r.nextInt(l.size() + 1));
                for (int i = 0; i < 6; i++) {
                    boolean forward = r.nextBoolean();
                    if (forward ? !it.hasNext() : !it.hasPrevious()) {
                        it.add(r.nextInt(30));
                        continue;
                    }
                    int x = forward ? it.next() : it.previous();
                    switch (r.nextInt(4)) {
                        case 0 -> it.remove();
                        case 1 -> it.set(x + 100);
                        case 2 -> it.add(r.nextInt(30));
                        default -> { }
                    }
                }
                return it.nextIndex();
            },
            (l, r) -> subListOp(l, r, 0),
            (l, r) -> subListOp(l, r, 0),
            (l, r) -> {
                if (r.nextInt(10) == 0) {
                    l.clear();
                }
                return l.size();
            });

    private static Object subListOp(List<Integer> l, Random r, int depth) {
        int from = r.nextInt(l.size() + 1);
        int to = from + r.nextInt(l.size() - from + 1);
        List<Integer> sub = l.subList(from, to);
        switch (r.nextInt(depth < 2 ? 10 : 9)) {
            case 0 -> sub.add(r.nextInt(30));
            case 1 -> sub.add(r.nextInt(sub.size() + 1), r.nextInt(30));
            case 2 -> {
                if (!sub.isEmpty()) {
                    sub.set(r.nextInt(sub.size()), r.nextInt(30));
                }
            }
            case 3 -> {
                if (!sub.isEmpty()) {
                    sub.remove(r.nextInt(sub.size()));
                }
            }
            case 4 -> sub.clear();
            case 5 -> sub.sort(null);
            case 6 -> {
                int m = r.nextInt(3) + 2;
                sub.removeIf(x -> x % m == 0);
            }
            case 7 -> sub.addAll(r.nextInt(sub.size() + 1), List.of(r.nextInt(30), r.nextInt(30)));
            case 8 -> {
                for (ListIterator<Integer> it = sub.listIterator(); it.hasNext(); ) {
                    int x = it.next();
                    if (x % 4 == 0) {
                        it.remove();
                    } else if (x % 4 == 1) {
                        it.set(x + 1);
                    } else if (x % 7 == 2) {
                        it.add(x + 3);
                    }
                }
            }
            default -> {
                return subListOp(sub, r, depth + 1);
            }
        }
        return sub.size();
    }

    private static final List<Action<List<Integer>>> LINKED_LIST_ACTIONS = concat(LIST_ACTIONS, List.of(
            (l, r) -> {
                ((Deque<Integer>) l).addFirst(r.nextInt(30));
                return null;
            },
            (l, r) -> ((Deque<Integer>) l).offerLast(r.nextInt(30)),
            (l, r) -> ((Deque<Integer>) l).pollFirst(),
            (l, r) -> ((Deque<Integer>) l).pollLast(),
            (l, r) -> ((Deque<Integer>) l).pop(),
            (l, r) -> ((Deque<Integer>) l).removeLastOccurrence(r.nextInt(30)),
            (l, r) -> ((Deque<Integer>) l).removeFirstOccurrence(r.nextInt(30)),
            (l, r) -> {
                int m = r.nextInt(4) + 2;
                for (Iterator<Integer> it = ((Deque<Integer>) l).descendingIterator(); it.hasNext(); ) {
                    if (it.next() % m == 0) {
                        it.remove();
                    }
                }
                return null;
            }));

    // ---- deques

    private static final List<Action<Deque<Integer>>> DEQUE_ACTIONS = List.of(
            (d, r) -> {
                d.addFirst(r.nextInt(20));
                return null;
            },
            (d, r) -> d.offerLast(r.nextInt(20)),
            (d, r) -> d.add(r.nextInt(20)),
            (d, r) -> {
                d.push(r.nextInt(20));
                return null;
            },
            (d, r) -> d.pollFirst(),
            (d, r) -> d.pollLast(),
            (d, r) -> d.poll(),
            (d, r) -> d.pop(),
            (d, r) -> d.removeLast(),
            (d, r) -> d.removeFirstOccurrence(r.nextInt(20)),
            (d, r) -> d.removeLastOccurrence(r.nextInt(20)),
            (d, r) -> d.remove(r.nextInt(20)),
            (d, r) -> d.addAll(List.of(r.nextInt(20), r.nextInt(20))),
            (d, r) -> {
                int m = r.nextInt(5) + 2;
                return d.removeIf(x -> x % m == 0);
            },
            (d, r) -> d.removeAll(List.of(r.nextInt(20))),
            (d, r) -> r.nextInt(4) == 0 && d.retainAll(List.of(r.nextInt(20), r.nextInt(20), r.nextInt(20))),
            (d, r) -> {
                int m = r.nextInt(4) + 2;
                boolean descending = r.nextBoolean();
                int n = 0;
                for (Iterator<Integer> it = descending ? d.descendingIterator() : d.iterator(); it.hasNext(); ) {
                    if (it.next() % m == 1) {
                        it.remove();
                        n++;
                    }
                }
                return n;
            },
            (d, r) -> {
                if (r.nextInt(12) == 0) {
                    d.clear();
                }
                return d.size();
            });

    // ---- sets

    private static final List<Action<Set<Integer>>> SET_ACTIONS = List.of(
            (s, r) -> s.add(r.nextInt(40)),
            (s, r) -> s.add(r.nextInt(40)),
            (s, r) -> s.remove(r.nextInt(40)),
            (s, r) -> s.addAll(List.of(r.nextInt(40), r.nextInt(40), r.nextInt(40))),
            (s, r) -> s.removeAll(List.of(r.nextInt(40), r.nextInt(40))),
            (s, r) -> {
                int lo = r.nextInt(40);
                List<Integer> many = new ArrayList<>();
                for (int i = lo; i < lo + 25; i++) {
                    many.add(i);
                }
                return s.removeAll(many);
            },
            (s, r) -> {
                int m = r.nextInt(3) + 2;
                return r.nextInt(4) == 0 && s.retainAll(List.of(m, m * 2, m * 3, m * 5, m * 7));
            },
            (s, r) -> {
                int m = r.nextInt(6) + 2;
                return s.removeIf(x -> x % m == 1);
            },
            (s, r) -> {
                int m = r.nextInt(5) + 2;
                int n = 0;
                for (Iterator<Integer> it = s.iterator(); it.hasNext(); ) {
                    if (it.next() % m == 0) {
                        it.remove();
                        n++;
                    }
                }
                return n;
            },
            (s, r) -> {
                if (r.nextInt(15) == 0) {
                    s.clear();
                }
                return s.size();
            });

    private static final List<Action<Set<Integer>>> TREE_SET_ACTIONS = concat(SET_ACTIONS, List.of(
            (s, r) -> ((NavigableSet<Integer>) s).pollFirst(),
            (s, r) -> ((NavigableSet<Integer>) s).pollLast(),
            (s, r) -> navigableSetOp(view((NavigableSet<Integer>) s, r), r),
            (s, r) -> navigableSetOp(view((NavigableSet<Integer>) s, r), r),
            (s, r) -> navigableSetOp(view(view((NavigableSet<Integer>) s, r), r), r)));

    private static NavigableSet<Integer> view(NavigableSet<Integer> s, Random r) {
        int a = r.nextInt(40);
        int b = r.nextInt(40);
        Comparator<? super Integer> cmp = s.comparator() == null ? Comparator.naturalOrder() : s.comparator();
        int lo = cmp.compare(a, b) <= 0 ? a : b;
        int hi = lo == a ? b : a;
        return switch (r.nextInt(4)) {
            case 0 -> s.headSet(hi, r.nextBoolean());
            case 1 -> s.tailSet(lo, r.nextBoolean());
            case 2 -> s.subSet(lo, r.nextBoolean(), hi, true);
            default -> s.descendingSet();
        };
    }

    private static Object navigableSetOp(NavigableSet<Integer> v, Random r) {
        int x = r.nextInt(40);
        switch (r.nextInt(7)) {
            case 0 -> {
                return v.add(x);
            }
            case 1 -> {
                return v.remove(x);
            }
            case 2 -> {
                return v.pollFirst();
            }
            case 3 -> {
                return v.pollLast();
            }
            case 4 -> {
                int m = r.nextInt(3) + 2;
                return v.removeIf(e -> e % m == 0);
            }
            case 5 -> {
                Iterator<Integer> it = r.nextBoolean() ? v.iterator() : v.descendingIterator();
                if (it.hasNext()) {
                    it.next();
                    it.remove();
                }
                return v.size();
            }
            default -> {
                if (r.nextInt(3) == 0) {
                    v.clear();
                }
                return v.size();
            }
        }
    }

    // ---- maps

    private static Integer value(Random r, boolean nulls) {
        return nulls && r.nextInt(10) == 0 ? null : r.nextInt(100);
    }

    /** ConcurrentHashMap gets neither nulls nor removals through its key set's iterator (not seen). */
    private static List<Action<Map<Integer, Integer>>> mapActions(boolean notConcurrent) {
        boolean nulls = notConcurrent;
        List<Action<Map<Integer, Integer>>> keySetRemoveIf = List.of((m, r) -> {
            int md = r.nextInt(4) + 2;
            return m.keySet().removeIf(k -> k % md == 0);
        });
        return concat(notConcurrent ? keySetRemoveIf : List.of(), List.of(
                (m, r) -> m.put(r.nextInt(30), value(r, nulls)),
                (m, r) -> m.put(r.nextInt(30), value(r, nulls)),
                (m, r) -> m.get(r.nextInt(30)),
                (m, r) -> m.getOrDefault(r.nextInt(30), -1),
                (m, r) -> m.remove(r.nextInt(30)),
                (m, r) -> m.remove(r.nextInt(30), r.nextInt(100)),
                (m, r) -> m.putIfAbsent(r.nextInt(30), value(r, nulls)),
                (m, r) -> m.replace(r.nextInt(30), value(r, nulls)),
                (m, r) -> m.replace(r.nextInt(30), r.nextInt(100), r.nextInt(100)),
                (m, r) -> {
                    int v = r.nextInt(100);
                    boolean none = r.nextInt(5) == 0;
                    return m.computeIfAbsent(r.nextInt(30), k -> none ? null : v);
                },
                (m, r) -> {
                    int v = r.nextInt(100);
                    return m.computeIfPresent(r.nextInt(30), (k, old) -> v % 4 == 0 ? null : v);
                },
                (m, r) -> {
                    int v = r.nextInt(100);
                    return m.compute(r.nextInt(30), (k, old) -> v % 5 == 0 ? null : v + (old == null ? 0 : old));
                },
                (m, r) -> {
                    int v = r.nextInt(100);
                    return m.merge(r.nextInt(30), v, (a, b) -> (a + b) % 7 == 0 ? null : a + b);
                },
                (m, r) -> {
                    Map<Integer, Integer> src = new LinkedHashMap<>();
                    for (int i = r.nextInt(14); i > 0; i--) {
                        src.put(r.nextInt(40), r.nextInt(100));
                    }
                    m.putAll(src);
                    return null;
                },
                (m, r) -> {
                    int d = r.nextInt(3);
                    m.replaceAll((k, v) -> k % 3 == d ? k : v);
                    return null;
                },
                (m, r) -> m.keySet().remove(r.nextInt(30)),
                (m, r) -> {
                    int md = r.nextInt(4) + 2;
                    return m.values().removeIf(v -> v != null && v % md == 1);
                },
                (m, r) -> {
                    int md = r.nextInt(4) + 2;
                    int n = 0;
                    for (Iterator<Map.Entry<Integer, Integer>> it = m.entrySet().iterator(); it.hasNext(); ) {
                        Map.Entry<Integer, Integer> e = it.next();
                        if (e.getKey() % md == 0) {
                            it.remove();
                            n++;
                        } else if (e.getKey() % md == 1) {
                            e.setValue(e.getKey() * 3);
                        }
                    }
                    return n;
                },
                (m, r) -> {
                    int md = r.nextInt(4) + 2;
                    for (Iterator<Integer> it = m.values().iterator(); it.hasNext(); ) {
                        Integer v = it.next();
                        if (v != null && v % md == 0) {
                            it.remove();
                        }
                    }
                    return null;
                },
                (m, r) -> {
                    if (r.nextInt(15) == 0) {
                        m.clear();
                    }
                    return m.size();
                }));
    }

    private static final List<Action<Map<Integer, Integer>>> TREE_MAP_ACTIONS = concat(mapActions(true), List.of(
            (m, r) -> entry(((NavigableMap<Integer, Integer>) m).pollFirstEntry()),
            (m, r) -> entry(((NavigableMap<Integer, Integer>) m).pollLastEntry()),
            (m, r) -> navigableMapOp(view((NavigableMap<Integer, Integer>) m, r), r),
            (m, r) -> navigableMapOp(view((NavigableMap<Integer, Integer>) m, r), r),
            (m, r) -> navigableMapOp(view(view((NavigableMap<Integer, Integer>) m, r), r), r)));

    private static NavigableMap<Integer, Integer> view(NavigableMap<Integer, Integer> m, Random r) {
        int a = r.nextInt(30);
        int b = r.nextInt(30);
        Comparator<? super Integer> cmp = m.comparator() == null ? Comparator.naturalOrder() : m.comparator();
        int lo = cmp.compare(a, b) <= 0 ? a : b;
        int hi = lo == a ? b : a;
        return switch (r.nextInt(4)) {
            case 0 -> m.headMap(hi, r.nextBoolean());
            case 1 -> m.tailMap(lo, r.nextBoolean());
            case 2 -> m.subMap(lo, true, hi, r.nextBoolean());
            default -> m.descendingMap();
        };
    }

    private static Object navigableMapOp(NavigableMap<Integer, Integer> v, Random r) {
        int k = r.nextInt(30);
        int x = r.nextInt(100);
        return switch (r.nextInt(10)) {
            case 0 -> v.put(k, x);
            case 1 -> v.remove(k);
            case 2 -> entry(v.pollFirstEntry());
            case 3 -> entry(v.pollLastEntry());
            case 4 -> v.merge(k, x, Integer::sum);
            case 5 -> v.computeIfAbsent(k, key -> x);
            case 6 -> v.navigableKeySet().pollFirst();
            case 7 -> {
                for (Map.Entry<Integer, Integer> e : v.entrySet()) {
                    if (e.getKey() % 3 == x % 3) {
                        e.setValue(x);
                    }
                }
                yield v.size();
            }
            case 8 -> v.descendingKeySet().removeIf(key -> key % 4 == x % 4);
            default -> {
                if (r.nextInt(3) == 0) {
                    v.clear();
                }
                yield v.size();
            }
        };
    }

    private static Object entry(Map.Entry<Integer, Integer> e) {
        return e == null ? null : e.getKey() + "=" + e.getValue();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

}
