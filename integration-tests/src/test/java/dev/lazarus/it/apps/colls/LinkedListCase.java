package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.LinkedList;
import java.util.List;

public class LinkedListCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final List<String> list = new LinkedList<>();
        final LinkedList<String> deque = new LinkedList<>();
        final LinkedList<Integer> ints = new LinkedList<>();
        final LinkedList<String> cleared = new LinkedList<>(List.of("c1", "c2"));
    }

    @Durable
    static Holder h = new Holder();

    @Override
    public List<String> state() {
        return Show.fields(h);
    }

    @Override
    public void build() {
        Ops.list1(h.list);
        Ops.deque1(h.deque);
        Ops.ints1(h.ints);
        h.cleared.clear();
        h.cleared.add("after-clear");
    }

    @Override
    public void more() {
        Ops.list2(h.list);
        Ops.deque2(h.deque);
        Ops.ints2(h.ints);
        h.cleared.addFirst("first");
    }
}
