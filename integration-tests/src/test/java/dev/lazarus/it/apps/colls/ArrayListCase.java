package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.ArrayList;
import java.util.List;

public class ArrayListCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final List<String> list = new ArrayList<>();
        final ArrayList<Integer> ints = new ArrayList<>(100);
        final List<String> copied = new ArrayList<>(List.of("c1", "c2", "c3"));
        final List<String> cleared = new ArrayList<>();
        final List<Elem> elems = new ArrayList<>();
    }

    @Durable
    static Holder h = new Holder();

    @Override
    public List<String> state() {
        List<String> out = Show.fields(h);
        out.add("elems[0]==elems[last] " + (h.elems.size() > 1 && h.elems.get(0) == h.elems.get(h.elems.size() - 1)));
        return out;
    }

    @Override
    public void build() {
        Ops.list1(h.list);
        Ops.ints1(h.ints);
        h.copied.remove("c2");
        h.copied.add("c4");
        h.cleared.addAll(List.of("x", "y"));
        h.cleared.clear();
        h.cleared.add("after-clear");
        Elem e1 = new Elem("e1", 1);
        h.elems.add(e1);
        h.elems.add(new Elem("e2", 2));
        e1.set(10);                            // changed after it was added
        h.elems.set(1, new Elem("e3", 3));
        h.elems.add(h.elems.get(0));           // shared
    }

    @Override
    public void more() {
        Ops.list2(h.list);
        Ops.ints2(h.ints);
        h.copied.add(0, "c0");
        h.cleared.clear();
        h.elems.get(0).set(100);
        h.elems.remove(1);
        h.elems.add(1, new Elem("e4", 4));
    }
}
