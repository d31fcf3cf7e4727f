package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazarus.internal.hook.Tracked;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mutating path of TrackedHashSet, TrackedLinkedHashSet and TrackedTreeSet, replayed. */
class SetTest extends JournalTest {
    private static final List<Integer> START = List.of(50, 30, 80, 10, 90, 70, 20, 60, 40, 100, 0);

    private record Kind(String name, Supplier<Set<Integer>> tracked, Supplier<Set<Integer>> jdk) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("HashSet", TrackedHashSet::new, HashSet::new),
            new Kind("LinkedHashSet", TrackedLinkedHashSet::new, LinkedHashSet::new),
            new Kind("TreeSet", TrackedTreeSet::new, TreeSet::new),
            new Kind("TreeSet(reversed)", () -> new TrackedTreeSet<>(Comparator.reverseOrder()),
                    () -> new TreeSet<>(Comparator.reverseOrder())));

    private static final List<Kind> SORTED = KINDS.subList(2, 4);

    static Stream<Arguments> scenarios() {
        List<Object[]> s = new ArrayList<>();
        s.add(sc("add", x -> {
            x.add(5);
            x.add(50);
        }));
        s.add(sc("remove", x -> {
            x.remove(50);
            x.remove(55);
        }));
        s.add(sc("clear", Set::clear));
        s.add(sc("addAll", x -> x.addAll(List.of(1, 2, 50, 3))));
        s.add(sc("removeAll smaller", x -> x.removeAll(List.of(10, 20, 25))));
        s.add(sc("removeAll larger", x -> x.removeAll(IntStream.range(0, 45).boxed().toList())));
        s.add(sc("retainAll", x -> x.retainAll(List.of(10, 20, 25, 90))));
        s.add(sc("removeIf", x -> x.removeIf(e -> e % 20 == 0)));
        s.add(sc("iterator.remove", x -> {
            for (Iterator<Integer> it = x.iterator(); it.hasNext(); ) {
                if (it.next() > 45) {
                    it.remove();
                }
            }
        }));
        s.add(sc("iterator removes everything", x -> {
            for (Iterator<Integer> it = x.iterator(); it.hasNext(); ) {
                it.next();
                it.remove();
            }
            x.add(7);
        }));
        Stream<Arguments> all = KINDS.stream().flatMap(k -> s.stream()
                .map(x -> Arguments.of(k.name() + ": " + x[0], k.tracked(), k.jdk(), x[1])));

        List<Object[]> n = new ArrayList<>();
        n.add(nav("pollFirst/pollLast", x -> {
            x.pollFirst();
            x.pollLast();
        }));
        n.add(nav("pollFirst on empty", x -> {
            x.clear();
            assertThat(x.pollFirst()).isNull();
            assertThat(x.pollLast()).isNull();
        }));
        n.add(nav("descendingIterator.remove", x -> {
            Iterator<Integer> it = x.descendingIterator();
            it.next();
            it.remove();
            it.next();
            it.next();
            it.remove();
        }));
        n.add(nav("descendingSet add/remove/poll/iterator/clear", x -> {
            NavigableSet<Integer> d = x.descendingSet();
            d.add(15);
            d.remove(30);
            d.pollFirst();
            d.pollLast();
            Iterator<Integer> it = d.iterator();
            it.next();
            it.remove();
            d.descendingSet().add(16);
            d.descendingIterator().next();
            d.clear();
            x.add(1);
        }));
        n.add(nav("headSet/tailSet/subSet add/remove/poll", x -> {
            boolean up = x.first() == 0;
            NavigableSet<Integer> head = x.headSet(up ? 50 : 40, true);
            head.add(up ? 15 : 45);
            head.remove(30);
            head.pollFirst();
            head.pollLast();
            NavigableSet<Integer> tail = x.tailSet(up ? 60 : 30, false);
            tail.add(up ? 95 : 25);
            tail.remove(80);
            tail.pollLast();
            NavigableSet<Integer> sub = up ? x.subSet(20, true, 80, false) : x.subSet(80, true, 20, false);
            sub.add(55);
            sub.remove(60);
            sub.pollFirst();
            assertThatThrownBy(() -> sub.add(1000)).isInstanceOf(IllegalArgumentException.class);
        }));
        n.add(nav("SortedSet views clear/removeIf/iterator", x -> {
            boolean up = x.first() == 0;
            SortedSet<Integer> head = x.headSet(up ? 40 : 60);
            head.removeIf(e -> e % 20 == 0);
            SortedSet<Integer> tail = x.tailSet(up ? 80 : 20);
            Iterator<Integer> it = tail.iterator();
            it.next();
            it.remove();
            SortedSet<Integer> sub = x.subSet(up ? 40 : 70, up ? 70 : 40);
            sub.clear();
            tail.retainAll(List.of(90, 100, 0, 10));
            head.addAll(List.of(up ? 1 : 99, up ? 2 : 98));
        }));
        n.add(nav("nested views", x -> {
            boolean up = x.first() == 0;
            NavigableSet<Integer> v = x.descendingSet().headSet(up ? 20 : 80, false).tailSet(up ? 90 : 10, true);
            v.add(up ? 85 : 15);
            v.pollFirst();
            v.descendingSet().pollFirst();
            v.descendingIterator().next();
            Iterator<Integer> it = v.descendingIterator();
            it.next();
            it.remove();
            v.clear();
        }));
        n.add(nav("addAll of a SortedSet into an empty set", x -> {
            x.clear();
            TreeSet<Integer> src = new TreeSet<>(x.comparator());
            src.addAll(List.of(3, 1, 2));
            x.addAll(src);
        }));
        Stream<Arguments> sorted = SORTED.stream().flatMap(k -> n.stream()
                .map(x -> Arguments.of(k.name() + ": " + x[0], k.tracked(), k.jdk(), x[1])));
        return Stream.concat(all, sorted);
    }

    private static Object[] sc(String name, Consumer<Set<Integer>> body) {
        return new Object[] {name, body};
    }

    @SuppressWarnings("unchecked")
    private static Object[] nav(String name, Consumer<NavigableSet<Integer>> body) {
        return new Object[] {name, (Consumer<Set<Integer>>) s -> body.accept((NavigableSet<Integer>) s)};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replaysTheSameSet(String name, Supplier<Set<Integer>> tracked, Supplier<Set<Integer>> jdk,
                           Consumer<Set<Integer>> body) {
        Set<Integer> set = tracked.get();
        attach((Tracked) set);
        START.forEach(set::add);
        Set<Integer> plain = jdk.get();
        START.forEach(plain::add);

        body.accept(set);
        body.accept(plain);

        assertThat(set).as("behaves like the JDK's").containsExactlyElementsOf(plain);
        assertReplays(set, jdk.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void detachedLogsNothing(String name, Supplier<Set<Integer>> tracked, Supplier<Set<Integer>> jdk,
                             Consumer<Set<Integer>> body) {
        Set<Integer> set = tracked.get();
        START.forEach(set::add);
        body.accept(set);
        assertThat(journal.ops()).isEmpty();
    }
}
