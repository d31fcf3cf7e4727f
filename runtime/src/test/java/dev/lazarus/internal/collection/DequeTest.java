package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Tracked;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every queue and deque path of TrackedArrayDeque and TrackedLinkedList, replayed. */
class DequeTest extends JournalTest {
    private static final List<Integer> START = List.of(5, 3, 8, 1, 9, 3, 7, 2, 3, 4);

    private record Kind(String name, Supplier<Deque<Integer>> tracked, Supplier<Deque<Integer>> jdk) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("ArrayDeque", TrackedArrayDeque::new, ArrayDeque::new),
            new Kind("LinkedList", TrackedLinkedList::new, LinkedList::new));

    static Stream<Arguments> scenarios() {
        List<Object[]> s = new ArrayList<>();
        s.add(sc("add/offer", d -> {
            d.add(10);
            d.offer(11);
        }));
        s.add(sc("addFirst/addLast/offerFirst/offerLast/push", d -> {
            d.addFirst(10);
            d.addLast(11);
            d.offerFirst(12);
            d.offerLast(13);
            d.push(14);
        }));
        s.add(sc("poll/pollFirst/pollLast/pop/remove()", d -> {
            d.poll();
            d.pollFirst();
            d.pollLast();
            d.pop();
            d.remove();
        }));
        s.add(sc("removeFirst/removeLast", d -> {
            d.removeFirst();
            d.removeLast();
        }));
        s.add(sc("polls on empty", d -> {
            d.clear();
            assertThat(d.poll()).isNull();
            assertThat(d.pollFirst()).isNull();
            assertThat(d.pollLast()).isNull();
            assertThatThrownBy(d::pop).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(d::removeFirst).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(d::removeLast).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(d::remove).isInstanceOf(NoSuchElementException.class);
        }));
        s.add(sc("removeFirstOccurrence/removeLastOccurrence/remove(Object)", d -> {
            d.removeFirstOccurrence(3);
            d.removeLastOccurrence(3);
            d.removeFirstOccurrence(99);
            d.removeLastOccurrence(99);
            d.remove(Integer.valueOf(8));
            d.remove(Integer.valueOf(98));
        }));
        s.add(sc("addAll", d -> d.addAll(List.of(20, 21, 22))));
        s.add(sc("clear", Deque::clear));
        s.add(sc("removeIf/removeAll/retainAll", d -> {
            d.removeIf(x -> x == 9);
            d.removeAll(List.of(8, 42));
            d.retainAll(List.of(3, 7, 2, 4));
            d.removeIf(x -> x > 100);
        }));
        for (int target : new int[] {5, 4, 8, 1, 3, 7}) {
            s.add(sc("iterator.remove of " + target, d -> {
                for (Iterator<Integer> it = d.iterator(); it.hasNext(); ) {
                    if (it.next() == target) {
                        it.remove();
                    }
                }
            }));
            s.add(sc("descendingIterator.remove of " + target, d -> {
                for (Iterator<Integer> it = d.descendingIterator(); it.hasNext(); ) {
                    if (it.next() == target) {
                        it.remove();
                    }
                }
            }));
        }
        s.add(sc("iterator removes several", d -> {
            Iterator<Integer> it = d.iterator();
            it.next();
            it.next();
            it.remove();
            it.next();
            it.remove();
            it.next();
            it.next();
            it.remove();
        }));
        s.add(sc("descendingIterator removes all", d -> {
            for (Iterator<Integer> it = d.descendingIterator(); it.hasNext(); ) {
                it.next();
                it.remove();
            }
        }));
        s.add(sc("iterator forEachRemaining then remove", d -> {
            Iterator<Integer> it = d.iterator();
            it.forEachRemaining(x -> { });
            it.remove();
        }));
        return KINDS.stream().flatMap(k -> s.stream()
                .map(x -> Arguments.of(k.name() + ": " + x[0], k.tracked(), k.jdk(), x[1])));
    }

    private static Object[] sc(String name, Consumer<Deque<Integer>> body) {
        return new Object[] {name, body};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replaysTheSameDeque(String name, Supplier<Deque<Integer>> tracked, Supplier<Deque<Integer>> jdk,
                             Consumer<Deque<Integer>> body) {
        Deque<Integer> deque = tracked.get();
        attach((Tracked) deque);
        START.forEach(deque::addLast);
        Deque<Integer> plain = jdk.get();
        plain.addAll(START);

        body.accept(deque);
        body.accept(plain);

        assertThat(deque).as("behaves like the JDK's").containsExactlyElementsOf(plain);
        assertReplays(deque, jdk.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void detachedLogsNothing(String name, Supplier<Deque<Integer>> tracked, Supplier<Deque<Integer>> jdk,
                             Consumer<Deque<Integer>> body) {
        Deque<Integer> deque = tracked.get();
        START.forEach(deque::addLast);
        body.accept(deque);
        assertThat(journal.ops()).isEmpty();
    }

    @Test
    void iteratorRemovalOfAUniqueMiddleElementIsOneRecord() {
        TrackedArrayDeque<Integer> d = attach(new TrackedArrayDeque<>(List.of(1, 2, 3)));
        Iterator<Integer> it = d.iterator();
        it.next();
        it.next();
        it.remove();
        assertThat(journal.ops()).singleElement()
                .satisfies(op -> assertThat(op.op()).isEqualTo(CollectionOp.DEQUE_REMOVE_FIRST_OCCURRENCE));
    }

    @Test
    void equalElementsAreReplayedByIdentity() {
        // equal but distinct elements: replay must drop the very element that memory dropped
        String a1 = new String("a");
        String a2 = new String("a");
        String a3 = new String("a");
        TrackedArrayDeque<String> d = attach(new TrackedArrayDeque<>());
        d.add(a1);
        d.add("b");
        d.add(a2);
        d.add("c");
        d.add(a3);
        Iterator<String> it = d.iterator();
        it.next();
        it.next();
        it.next();
        it.remove();
        ArrayDeque<String> fresh = new ArrayDeque<>();
        assertReplays(d, fresh);
        assertThat(new ArrayList<>(fresh).get(0)).isSameAs(a1);
        assertThat(new ArrayList<>(fresh).get(3)).isSameAs(a3);
    }
}
