package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

public class HashSetCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final Set<String> set = new HashSet<>();
        final HashSet<String> presized = new HashSet<>(64);
        final Set<String> cleared = new HashSet<>(List.of("c1"));
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
        h.set.add(null);
        Ops.set1(h.presized);
        h.cleared.clear();
        h.cleared.add("after-clear");
    }

    @Override
    public void more() {
        Ops.set2(h.set);
        h.set.remove(null);
        Ops.set2(h.presized);
        h.cleared.add("c2");
    }
}
