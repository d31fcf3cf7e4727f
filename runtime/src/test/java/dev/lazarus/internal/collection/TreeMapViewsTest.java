package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The navigable views of TrackedTreeMap: writes through them land in the map and are logged. */
class TreeMapViewsTest extends JournalTest {
    private record Kind(String name, Supplier<TreeMap<Integer, String>> tracked, Supplier<TreeMap<Integer, String>> jdk) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("TreeMap", TrackedTreeMap::new, TreeMap::new),
            new Kind("TreeMap(reversed)", () -> new TrackedTreeMap<>(Comparator.reverseOrder()),
                    () -> new TreeMap<>(Comparator.reverseOrder())));

    /** Bounds in the map's own order: lo comes first, hi last, whichever the comparator. */
    private static int lo(NavigableMap<Integer, String> m, int a, int b) {
        return m.comparator() == null ? Math.min(a, b) : Math.max(a, b);
    }

    private static int hi(NavigableMap<Integer, String> m, int a, int b) {
        return m.comparator() == null ? Math.max(a, b) : Math.min(a, b);
    }

    static Stream<Arguments> scenarios() {
        List<Object[]> s = new ArrayList<>();
        s.add(sc("pollFirstEntry/pollLastEntry", m -> {
            m.pollFirstEntry();
            m.pollLastEntry();
        }));
        s.add(sc("polls on empty", m -> {
            m.clear();
            assertThat(m.pollFirstEntry()).isNull();
            assertThat(m.pollLastEntry()).isNull();
        }));
        s.add(sc("firstEntry and friends are immutable", m -> {
            for (Map.Entry<Integer, String> e : List.of(m.firstEntry(), m.lastEntry(), m.floorEntry(50),
                    m.ceilingEntry(50), m.headMap(lo(m, 40, 60), true).firstEntry())) {
                assertThatThrownBy(() -> e.setValue("x")).isInstanceOf(UnsupportedOperationException.class);
            }
        }));
        s.add(sc("descendingMap writes", m -> {
            NavigableMap<Integer, String> d = m.descendingMap();
            d.put(55, "d55");
            d.remove(30);
            d.pollFirstEntry();
            d.pollLastEntry();
            d.putIfAbsent(56, "d56");
            d.compute(40, (k, v) -> v + "!");
            d.merge(57, "m", String::concat);
            d.merge(40, "m", (a, b) -> null);
            d.replace(50, "r50");
            d.computeIfAbsent(58, k -> "c58");
            d.computeIfPresent(60, (k, v) -> null);
            d.remove(70, "v70");
            d.replaceAll((k, v) -> v + k);
            d.entrySet().iterator().next().setValue("set");
            Iterator<Map.Entry<Integer, String>> it = d.entrySet().iterator();
            it.next();
            it.next();
            it.remove();
        }));
        s.add(sc("descendingMap clear", m -> m.descendingMap().clear()));
        s.add(sc("descendingMap of descendingMap", m -> {
            NavigableMap<Integer, String> dd = m.descendingMap().descendingMap();
            dd.put(1, "one");
            dd.pollFirstEntry();
            dd.clear();
            m.put(2, "two");
        }));
        s.add(sc("headMap/tailMap/subMap writes", m -> {
            NavigableMap<Integer, String> head = m.headMap(hi(m, 40, 60), true);
            head.put(lo(m, 5, 95), "h");
            head.remove(lo(m, 10, 90));
            head.pollFirstEntry();
            head.pollLastEntry();
            NavigableMap<Integer, String> tail = m.tailMap(lo(m, 40, 60), false);
            tail.put(hi(m, 95, 5), "t");
            tail.remove(hi(m, 90, 10));
            tail.merge(hi(m, 80, 20), "!", String::concat);
            NavigableMap<Integer, String> sub = m.subMap(lo(m, 20, 80), true, hi(m, 20, 80), false);
            sub.put(45, "s");
            sub.computeIfAbsent(46, k -> "s46");
            sub.remove(50);
            assertThatThrownBy(() -> sub.put(1000, "out")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sub.put(-1000, "out")).isInstanceOf(IllegalArgumentException.class);
        }));
        s.add(sc("SortedMap views", m -> {
            SortedMap<Integer, String> head = m.headMap(hi(m, 40, 60));
            head.put(lo(m, 1, 99), "h");
            head.remove(lo(m, 0, 100));
            SortedMap<Integer, String> tail = m.tailMap(lo(m, 40, 60));
            tail.put(hi(m, 99, 1), "t");
            tail.keySet().remove(hi(m, 90, 10));
            SortedMap<Integer, String> sub = m.subMap(lo(m, 30, 70), hi(m, 30, 70));
            sub.values().remove("v50");
            sub.entrySet().removeIf(e -> e.getKey() == 40);
            sub.clear();
        }));
        s.add(sc("sub-map views of keys, values, entries", m -> {
            NavigableMap<Integer, String> sub = m.subMap(lo(m, 10, 90), true, hi(m, 10, 90), true);
            NavigableSet<Integer> keys = sub.navigableKeySet();
            keys.remove(20);
            keys.pollFirst();
            keys.pollLast();
            Iterator<Integer> dk = sub.descendingKeySet().iterator();
            dk.next();
            dk.remove();
            keys.headSet(50, true).clear();
            sub.values().removeIf(v -> v.endsWith("0") && v.length() == 3 && v.charAt(1) == '6');
            Iterator<String> vi = sub.values().iterator();
            vi.next();
            vi.remove();
            for (Map.Entry<Integer, String> e : sub.entrySet()) {
                e.setValue(e.getValue() + "*");
            }
            sub.entrySet().remove(Map.entry(70, "v70*"));
            sub.keySet().retainAll(List.of(50));
        }));
        s.add(sc("nested views", m -> {
            NavigableMap<Integer, String> v = m.descendingMap().headMap(lo(m, 20, 80), false)
                    .tailMap(hi(m, 20, 80), true).descendingMap();
            v.put(55, "n55");
            v.remove(60);
            v.pollLastEntry();
            v.subMap(lo(m, 30, 60), true, hi(m, 30, 60), true).clear();
            v.descendingKeySet().descendingSet().pollFirst();
            v.values().clear();
        }));
        s.add(sc("root key sets", m -> {
            NavigableSet<Integer> keys = m.navigableKeySet();
            keys.remove(10);
            keys.pollFirst();
            keys.descendingSet().pollFirst();
            keys.subSet(lo(m, 30, 70), true, hi(m, 30, 70), false).clear();
            Iterator<Integer> it = m.descendingKeySet().iterator();
            it.next();
            it.remove();
            NavigableSet<Integer> viaKeySet = (NavigableSet<Integer>) m.keySet();
            viaKeySet.tailSet(hi(m, 90, 10), true).clear();
            assertThatThrownBy(() -> keys.add(5)).isInstanceOf(UnsupportedOperationException.class);
        }));
        return KINDS.stream().flatMap(k -> s.stream()
                .map(x -> Arguments.of(k.name() + ": " + x[0], k.tracked(), k.jdk(), x[1])));
    }

    private static Object[] sc(String name, Consumer<NavigableMap<Integer, String>> body) {
        return new Object[] {name, body};
    }

    private static void fill(Map<Integer, String> m) {
        for (int i = 0; i <= 100; i += 10) {
            m.put(i, "v" + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replaysTheSameMap(String name, Supplier<TreeMap<Integer, String>> tracked,
                           Supplier<TreeMap<Integer, String>> jdk, Consumer<NavigableMap<Integer, String>> body) {
        TreeMap<Integer, String> map = tracked.get();
        attach((TrackedTreeMap<Integer, String>) map);
        fill(map);
        TreeMap<Integer, String> plain = jdk.get();
        fill(plain);

        body.accept(map);
        body.accept(plain);

        assertThat(contents(map)).as("behaves like the JDK's").containsExactlyElementsOf(contents(plain));
        assertReplays(map, jdk.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void detachedLogsNothing(String name, Supplier<TreeMap<Integer, String>> tracked,
                             Supplier<TreeMap<Integer, String>> jdk, Consumer<NavigableMap<Integer, String>> body) {
        TreeMap<Integer, String> map = tracked.get();
        fill(map);
        body.accept(map);
        assertThat(journal.ops()).isEmpty();
    }

    @Test
    void removingThroughTheEntryIteratorLogsTheRemovedKey() {
        // TreeMap removes an inner node by copying its successor into it: the key must be read first
        TrackedTreeMap<Integer, String> map = attach(new TrackedTreeMap<>());
        fill(map);
        Iterator<Map.Entry<Integer, String>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getKey() == 30) {
                it.remove();
            }
        }
        assertReplays(map, new TreeMap<>());
        assertThat(map).doesNotContainKey(30).containsKey(40);
    }
}
