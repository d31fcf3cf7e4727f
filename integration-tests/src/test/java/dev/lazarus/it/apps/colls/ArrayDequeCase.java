package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

public class ArrayDequeCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final ArrayDeque<String> deque = new ArrayDeque<>();
        final Deque<String> small = new ArrayDeque<>(2);
        final Deque<String> cleared = new ArrayDeque<>(List.of("c1", "c2"));
        final Deque<Elem> elems = new ArrayDeque<>();
    }

    @Durable
    static Holder h = new Holder();

    @Override
    public List<String> state() {
        return Show.fields(h);
    }

    @Override
    public void build() {
        Ops.deque1(h.deque);
        for (int i = 0; i < 20; i++) {          // wraps around and grows
            h.small.addFirst("s" + i);
            if (i % 3 == 0) {
                h.small.pollLast();
            }
        }
        h.cleared.clear();
        h.cleared.add("after-clear");
        Elem e = new Elem("e1", 1);
        h.elems.push(e);
        h.elems.addLast(new Elem("e2", 2));
        e.set(11);
    }

    @Override
    public void more() {
        Ops.deque2(h.deque);
        h.small.removeFirst();
        h.small.offerLast("s-last");
        h.cleared.push("pushed");
        h.elems.peekLast().set(22);
        h.elems.pollFirst();
    }
}
