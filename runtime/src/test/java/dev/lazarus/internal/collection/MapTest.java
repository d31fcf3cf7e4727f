package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazarus.internal.hook.Tracked;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating path of the Map API and of the key set, values and entry set views, for each
 * tracked map, replayed. Access-ordered LinkedHashMap runs them too: there the reads reorder.
 */
class MapTest extends JournalTest {
    private record Kind(String name, Supplier<Map<String, Integer>> tracked, Supplier<Map<String, Integer>> jdk,
                        boolean nulls) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("HashMap", TrackedHashMap::new, HashMap::new, true),
            new Kind("LinkedHashMap", TrackedLinkedHashMap::new, LinkedHashMap::new, true),
            new Kind("LinkedHashMap(access order)", () -> new TrackedLinkedHashMap<>(16, 0.75f, true),
                    () -> new LinkedHashMap<>(16, 0.75f, true), true),
            new Kind("TreeMap", TrackedTreeMap::new, TreeMap::new, true),
            new Kind("TreeMap(reversed)", () -> new TrackedTreeMap<>(Comparator.reverseOrder()),
                    () -> new TreeMap<>(Comparator.reverseOrder()), true),
            new Kind("ConcurrentHashMap", TrackedConcurrentHashMap::new, ConcurrentHashMap::new, false));

    static void fill(Map<String, Integer> m) {
        for (int i = 0; i < 10; i++) {
            m.put("k" + i, i * 10);
        }
    }

    static Stream<Arguments> scenarios() {
        List<Object[]> s = new ArrayList<>();
        s.add(sc("put", m -> {
            m.put("new", 1);
            m.put("k3", 33);
            m.put("k0", 0);
        }));
        s.add(sc("putAll", m -> m.putAll(Map.of("a", 1, "k5", 55, "b", 2))));
        s.add(sc("putAll 12 new keys", m -> {
            Map<String, Integer> src = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                src.put("n" + i, i);
            }
            m.clear();
            m.putAll(src);
        }));
        s.add(sc("remove", m -> {
            m.remove("k3");
            m.remove("absent");
        }));
        s.add(sc("remove(key, value)", m -> {
            m.remove("k3", 30);
            m.remove("k4", 99);
            m.remove("absent", 1);
        }));
        s.add(sc("clear", Map::clear));
        s.add(sc("putIfAbsent", m -> {
            m.putIfAbsent("k3", 99);
            m.putIfAbsent("new", 1);
        }));
        s.add(sc("replace(key, value)", m -> {
            m.replace("k3", 99);
            m.replace("absent", 1);
        }));
        s.add(sc("replace(key, old, new)", m -> {
            m.replace("k3", 30, 99);
            m.replace("k4", 41, 98);
            m.replace("absent", 1, 2);
        }));
        s.add(sc("computeIfAbsent", m -> {
            m.computeIfAbsent("k3", k -> 99);
            m.computeIfAbsent("new", k -> 1);
            m.computeIfAbsent("none", k -> null);
        }));
        s.add(sc("computeIfPresent", m -> {
            m.computeIfPresent("k3", (k, v) -> v + 1);
            m.computeIfPresent("k4", (k, v) -> null);
            m.computeIfPresent("absent", (k, v) -> 1);
        }));
        s.add(sc("compute", m -> {
            m.compute("k3", (k, v) -> v + 1);
            m.compute("k4", (k, v) -> null);
            m.compute("new", (k, v) -> 7);
            m.compute("none", (k, v) -> null);
        }));
        s.add(sc("merge", m -> {
            m.merge("k3", 5, Integer::sum);
            m.merge("new", 5, Integer::sum);
            m.merge("k4", 5, (a, b) -> null);
        }));
        s.add(sc("replaceAll", m -> m.replaceAll((k, v) -> v + k.length())));
        s.add(sc("replaceAll throwing", m -> assertThatThrownBy(() -> m.replaceAll((k, v) -> {
            if (k.equals("k5")) {
                throw new IllegalStateException("boom");
            }
            return v + 1;
        })).isInstanceOf(IllegalStateException.class)));
        s.add(sc("reads", m -> {
            m.get("k3");
            m.get("absent");
            m.getOrDefault("k1", 5);
            m.getOrDefault("absent", 5);
            m.containsKey("k2");
            m.forEach((k, v) -> { });
        }));
        s.add(sc("keySet remove/removeAll", m -> {
            Set<String> keys = m.keySet();
            keys.remove("k1");
            keys.remove("absent");
            keys.removeAll(List.of("k3", "k4"));
        }));
        s.add(sc("keySet clear", m -> m.keySet().clear()));
        s.add(sc("values remove/removeIf/removeAll/retainAll", m -> {
            Collection<Integer> values = m.values();
            values.remove(10);
            values.remove(999);
            values.removeIf(v -> v == 20);
            values.removeAll(List.of(30, 40));
            values.retainAll(List.of(50, 60, 70));
        }));
        s.add(sc("values iterator.remove", m -> {
            for (Iterator<Integer> it = m.values().iterator(); it.hasNext(); ) {
                if (it.next() > 50) {
                    it.remove();
                }
            }
        }));
        s.add(sc("values clear", m -> m.values().clear()));
        s.add(sc("entrySet remove/removeIf/removeAll/retainAll", m -> {
            Set<Map.Entry<String, Integer>> entries = m.entrySet();
            entries.remove(Map.entry("k1", 10));
            entries.remove(Map.entry("k2", 99));
            entries.removeIf(e -> e.getValue() == 30);
            entries.removeAll(List.of(Map.entry("k4", 40)));
            entries.retainAll(List.of(Map.entry("k5", 50), Map.entry("k6", 60)));
        }));
        s.add(sc("entrySet iterator.remove and setValue", m -> {
            for (Iterator<Map.Entry<String, Integer>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Integer> e = it.next();
                if (e.getValue() % 20 == 0) {
                    it.remove();
                } else {
                    e.setValue(e.getValue() + 1);
                }
            }
        }));
        s.add(sc("entrySet setValue through forEach and streams", m -> {
            m.entrySet().forEach(e -> e.setValue(e.getValue() * 2));
            m.entrySet().stream().filter(e -> e.getKey().compareTo("k5") > 0).forEach(e -> e.setValue(-1));
            m.entrySet().parallelStream().forEach(e -> e.setValue(e.getValue() + 1));
        }));
        s.add(sc("entrySet clear", m -> m.entrySet().clear()));
        s.add(sc("entrySet toArray entries setValue", m -> {
            Object[] entries = m.entrySet().toArray();
            @SuppressWarnings("unchecked")
            Map.Entry<String, Integer> e = (Map.Entry<String, Integer>) entries[3];
            e.setValue(333);
        }));
        Stream<Arguments> all = KINDS.stream().flatMap(k -> s.stream()
                .map(x -> Arguments.of(k.name() + ": " + x[0], k.tracked(), k.jdk(), x[1])));

        // ConcurrentHashMap.keySet() is the JDK's KeySetView: its iterator's remove is not seen
        List<Object[]> keyIterators = new ArrayList<>();
        keyIterators.add(sc("keySet removeIf/retainAll", m -> {
            Set<String> keys = m.keySet();
            keys.removeIf(k -> k.endsWith("2"));
            keys.retainAll(List.of("k5", "k6", "k7", "k8"));
        }));
        keyIterators.add(sc("keySet iterator.remove", m -> {
            for (Iterator<String> it = m.keySet().iterator(); it.hasNext(); ) {
                if (it.next().compareTo("k5") < 0) {
                    it.remove();
                }
            }
        }));
        Stream<Arguments> keys = KINDS.stream().filter(Kind::nulls).flatMap(k -> keyIterators.stream()
                .map(x -> Arguments.of(k.name() + ": " + x[0], k.tracked(), k.jdk(), x[1])));

        List<Object[]> nulls = new ArrayList<>();
        nulls.add(sc("null values", m -> {
            m.put("n", null);
            m.putIfAbsent("n", 1);
            m.put("n2", null);
            m.replace("n2", 3);
            m.put("n3", null);
            m.compute("n3", (k, v) -> null);
            m.put("n4", null);
            m.computeIfAbsent("n4", k -> 4);
            m.put("n5", null);
            m.merge("n5", 5, Integer::sum);
            m.put("n6", null);
            m.remove("n6");
            m.put("n7", null);
            m.computeIfPresent("n7", (k, v) -> 7);
            m.put("n8", null);
            m.replace("n8", null, 8);
            m.put("n9", null);
            m.computeIfAbsent("n9", k -> null);
            m.put("n10", null);
            m.remove("n10", null);
            m.put("n11", null);
            m.getOrDefault("n11", 0);
            m.get("n11");
        }));
        Stream<Arguments> withNulls = KINDS.stream().filter(Kind::nulls).flatMap(k -> nulls.stream()
                .map(x -> Arguments.of(k.name() + ": " + x[0], k.tracked(), k.jdk(), x[1])));
        return Stream.of(all, keys, withNulls).flatMap(x -> x);
    }

    private static Object[] sc(String name, Consumer<Map<String, Integer>> body) {
        return new Object[] {name, body};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replaysTheSameMap(String name, Supplier<Map<String, Integer>> tracked, Supplier<Map<String, Integer>> jdk,
                           Consumer<Map<String, Integer>> body) {
        Map<String, Integer> map = tracked.get();
        attach((Tracked) map);
        fill(map);
        Map<String, Integer> plain = jdk.get();
        fill(plain);

        body.accept(map);
        body.accept(plain);

        assertThat(contents(map)).as("behaves like the JDK's").containsExactlyElementsOf(contents(plain));
        assertReplays(map, jdk.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void detachedLogsNothing(String name, Supplier<Map<String, Integer>> tracked, Supplier<Map<String, Integer>> jdk,
                             Consumer<Map<String, Integer>> body) {
        Map<String, Integer> map = tracked.get();
        fill(map);
        body.accept(map);
        assertThat(journal.ops()).isEmpty();
    }
}
