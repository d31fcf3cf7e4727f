package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazarus.internal.hook.Tracked;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mutating path of TrackedArrayList and TrackedLinkedList, replayed. */
class ListTest extends JournalTest {
    private static final List<Integer> START = List.of(5, 3, 8, 1, 9, 3, 7, 2, 6, 4);

    private record Kind(String name, Supplier<List<Integer>> tracked, Supplier<List<Integer>> jdk) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("ArrayList", TrackedArrayList::new, ArrayList::new),
            new Kind("LinkedList", TrackedLinkedList::new, LinkedList::new));

    private static final Comparator<Integer> FAILING = (x, y) -> {
        if (x == 9 || y == 9) {
            throw new IllegalStateException("boom");
        }
        return Integer.compare(x, y);
    };

    static Stream<Arguments> scenarios() {
        List<Object[]> s = new ArrayList<>();
        s.add(sc("add", l -> l.add(11)));
        s.add(sc("add(index)", l -> {
            l.add(0, 11);
            l.add(4, 12);
            l.add(l.size(), 13);
        }));
        s.add(sc("addAll", l -> l.addAll(List.of(20, 21, 22))));
        s.add(sc("addAll(empty)", l -> l.addAll(List.of())));
        s.add(sc("addAll(index)", l -> l.addAll(3, List.of(20, 21, 22))));
        s.add(sc("addAll(self)", l -> l.addAll(l)));
        s.add(sc("set", l -> {
            l.set(0, 30);
            l.set(9, 31);
        }));
        s.add(sc("remove(int)", l -> {
            l.remove(0);
            l.remove(4);
            l.remove(l.size() - 1);
        }));
        s.add(sc("remove(Object)", l -> {
            l.remove(Integer.valueOf(3));
            l.remove(Integer.valueOf(99));
            l.remove(Integer.valueOf(4));
        }));
        s.add(sc("clear", List::clear));
        s.add(sc("clear twice", l -> {
            l.clear();
            l.clear();
            l.add(1);
        }));
        s.add(sc("removeIf", l -> l.removeIf(x -> x % 2 == 1)));
        s.add(sc("removeIf none", l -> l.removeIf(x -> x > 100)));
        s.add(sc("removeIf all", l -> l.removeIf(x -> true)));
        s.add(sc("removeIf most", l -> l.removeIf(x -> x != 3)));
        s.add(sc("removeIf throwing", l -> assertThatThrownBy(() -> l.removeIf(x -> {
            if (x == 7) {
                throw new IllegalStateException("boom");
            }
            return x < 5;
        })).isInstanceOf(IllegalStateException.class)));
        s.add(sc("removeAll", l -> l.removeAll(List.of(3, 9, 42))));
        s.add(sc("retainAll", l -> l.retainAll(List.of(3, 9, 42, 1))));
        s.add(sc("replaceAll", l -> l.replaceAll(x -> x * 10)));
        s.add(sc("replaceAll few", l -> l.replaceAll(x -> x == 3 ? 300 : x)));
        s.add(sc("replaceAll throwing", l -> assertThatThrownBy(() -> l.replaceAll(x -> {
            if (x == 7) {
                throw new IllegalStateException("boom");
            }
            return x + 1000;
        })).isInstanceOf(IllegalStateException.class)));
        s.add(sc("replaceAll whose operator adds", l -> {
            boolean[] once = {true};
            assertThatThrownBy(() -> l.replaceAll(x -> {
                if (once[0]) {
                    once[0] = false;
                    l.add(50);
                }
                return x + 1;
            })).isInstanceOf(ConcurrentModificationException.class);
        }));
        s.add(sc("removeIf whose predicate adds", l -> {
            boolean[] once = {true};
            assertThatThrownBy(() -> l.removeIf(x -> {
                if (once[0]) {
                    once[0] = false;
                    l.add(0, 51);
                }
                return x == 3;
            })).isInstanceOf(ConcurrentModificationException.class);
        }));
        s.add(sc("sort", l -> l.sort(null)));
        s.add(sc("sort throwing", l -> assertThatThrownBy(() -> l.sort(FAILING))
                .isInstanceOf(IllegalStateException.class)));
        s.add(sc("Collections.sort", l -> Collections.sort(l, Comparator.reverseOrder())));
        s.add(sc("sort sorted", l -> {
            l.sort(null);
            l.sort(null);
        }));
        s.add(sc("Collections.reverse/shuffle/swap/rotate/fill", l -> {
            Collections.reverse(l);
            Collections.shuffle(l, new Random(7));
            Collections.swap(l, 1, 8);
            Collections.rotate(l, 3);
            Collections.rotate(l.subList(2, 7), -2);
        }));
        s.add(sc("Collections.fill", l -> Collections.fill(l, 0)));
        s.add(sc("iterator.remove", l -> {
            for (Iterator<Integer> it = l.iterator(); it.hasNext(); ) {
                if (it.next() % 3 == 0) {
                    it.remove();
                }
            }
        }));
        s.add(sc("iterator.forEachRemaining then remove", l -> {
            Iterator<Integer> it = l.iterator();
            it.next();
            it.forEachRemaining(x -> { });
            it.remove();
        }));
        s.add(sc("listIterator forward add/set/remove", l -> {
            for (ListIterator<Integer> it = l.listIterator(); it.hasNext(); ) {
                int x = it.next();
                if (x == 3) {
                    it.remove();
                } else if (x == 8) {
                    it.set(80);
                } else if (x == 9) {
                    it.add(90);
                    it.add(91);
                }
            }
        }));
        s.add(sc("listIterator backward add/set/remove", l -> {
            for (ListIterator<Integer> it = l.listIterator(l.size()); it.hasPrevious(); ) {
                int x = it.previous();
                if (x == 3) {
                    it.remove();
                } else if (x == 8) {
                    it.set(80);
                } else if (x == 9) {
                    it.add(90);
                    it.previous();
                }
            }
        }));
        s.add(sc("listIterator(index) set after previous", l -> {
            ListIterator<Integer> it = l.listIterator(5);
            it.next();
            it.previous();
            it.set(55);
            it.previous();
            it.remove();
            it.add(56);
        }));
        s.add(sc("subList add/set/remove", l -> {
            List<Integer> sub = l.subList(2, 7);
            sub.add(100);
            sub.add(0, 101);
            sub.set(2, 102);
            sub.remove(3);
            sub.remove(Integer.valueOf(9));
        }));
        s.add(sc("subList clear", l -> l.subList(2, 7).clear()));
        s.add(sc("subList clear most", l -> l.subList(1, 10).clear()));
        s.add(sc("subList clear all", l -> l.subList(0, 10).clear()));
        s.add(sc("subList addAll", l -> {
            List<Integer> sub = l.subList(2, 5);
            sub.addAll(List.of(40, 41));
            sub.addAll(1, List.of(42, 43));
        }));
        s.add(sc("subList removeIf/removeAll/retainAll", l -> {
            List<Integer> sub = l.subList(1, 9);
            sub.removeIf(x -> x == 9);
            sub.removeAll(List.of(3));
            sub.retainAll(List.of(8, 7, 1));
        }));
        s.add(sc("subList replaceAll/sort", l -> {
            List<Integer> sub = l.subList(3, 9);
            sub.replaceAll(x -> x + 1);
            sub.sort(null);
            Collections.sort(l.subList(0, 4));
        }));
        s.add(sc("subList iterators", l -> {
            List<Integer> sub = l.subList(2, 8);
            for (ListIterator<Integer> it = sub.listIterator(); it.hasNext(); ) {
                int x = it.next();
                if (x == 9) {
                    it.remove();
                } else if (x == 1) {
                    it.set(10);
                    it.add(11);
                }
            }
            Iterator<Integer> it = sub.iterator();
            it.next();
            it.remove();
        }));
        s.add(sc("nested subLists", l -> {
            List<Integer> sub = l.subList(1, 9);
            List<Integer> subsub = sub.subList(2, 6);
            subsub.add(1, 200);
            subsub.remove(0);
            subsub.set(0, 201);
            subsub.subList(1, 3).clear();
            subsub.subList(0, 1).add(0, 202);
            sub.add(203);
            l.subList(0, 3).subList(1, 2).clear();
        }));
        s.add(sc("removeIf through subList clear path of ArrayList root", l -> {
            List<Integer> sub = l.subList(0, 5);
            sub.removeIf(x -> x > 4);
            l.add(77);
        }));
        return KINDS.stream().flatMap(k -> s.stream()
                .map(x -> Arguments.of(k.name() + ": " + x[0], k.tracked(), k.jdk(), x[1])));
    }

    private static Object[] sc(String name, Consumer<List<Integer>> body) {
        return new Object[] {name, body};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replaysTheSameList(String name, Supplier<List<Integer>> tracked, Supplier<List<Integer>> jdk,
                            Consumer<List<Integer>> body) {
        List<Integer> list = tracked.get();
        attach((Tracked) list);
        START.forEach(list::add);
        List<Integer> plain = jdk.get();
        plain.addAll(START);

        body.accept(list);
        body.accept(plain);

        assertThat(list).as("behaves like the JDK's").containsExactlyElementsOf(plain);
        assertReplays(list, jdk.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void detachedLogsNothing(String name, Supplier<List<Integer>> tracked, Supplier<List<Integer>> jdk,
                             Consumer<List<Integer>> body) {
        List<Integer> list = tracked.get();
        START.forEach(list::add);
        body.accept(list);
        assertThat(journal.ops()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequenced")
    void arrayListSequencedMethodsReplay(String name, Consumer<TrackedArrayList<Integer>> body) {
        TrackedArrayList<Integer> list = attach(new TrackedArrayList<>());
        START.forEach(list::add);
        body.accept(list);
        assertReplays(list, new ArrayList<>());
    }

    static Stream<Arguments> sequenced() {
        return Stream.of(
                Arguments.of("addFirst", (Consumer<TrackedArrayList<Integer>>) l -> l.addFirst(1)),
                Arguments.of("addLast", (Consumer<TrackedArrayList<Integer>>) l -> l.addLast(1)),
                Arguments.of("removeFirst", (Consumer<TrackedArrayList<Integer>>) l -> l.removeFirst()),
                Arguments.of("removeLast", (Consumer<TrackedArrayList<Integer>>) l -> l.removeLast()),
                Arguments.of("trimToSize/ensureCapacity", (Consumer<TrackedArrayList<Integer>>) l -> {
                    l.ensureCapacity(100);
                    l.trimToSize();
                }));
    }

    /** removeRange is protected: the JDK's sub-lists call it (muted by the view); so may a subclass. */
    @Test
    void removeRangeCalledDirectlyIsLogged() {
        class Cutting extends TrackedArrayList<Integer> {
            private static final long serialVersionUID = 1L;

            void cut(int from, int to) {
                removeRange(from, to);
            }
        }
        Cutting list = attach(new Cutting());
        START.forEach(list::add);
        list.cut(2, 5);
        list.cut(1, 7);
        list.cut(0, 1);
        assertReplays(list, new ArrayList<>());
    }
}
