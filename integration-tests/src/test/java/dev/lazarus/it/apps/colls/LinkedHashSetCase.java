package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

public class LinkedHashSetCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final Set<String> set = new LinkedHashSet<>();
        final Set<Elem> elems = new LinkedHashSet<>();
        final Set<String> cleared = new LinkedHashSet<>(List.of("c1", "c2"));
    }

    @Durable
    static Holder h = new Holder();

    @Override
    public List<String> state() {
        return Show.fields(h);
    }

    @Override
    public void build() {
        Ops.set1(h.set);
        h.set.add("k03");                      // already there: keeps its place
        h.set.add(null);
        Elem e = new Elem("e1", 1);
        h.elems.add(e);
        h.elems.add(new Elem("e2", 2));
        h.elems.add(e);
        e.set(10);
        h.cleared.clear();
        h.cleared.add("after-clear");
    }

    @Override
    public void more() {
        Ops.set2(h.set);
        h.elems.iterator().next().set(100);
        h.elems.add(new Elem("e3", 3));
        h.cleared.add("c3");
    }
}
