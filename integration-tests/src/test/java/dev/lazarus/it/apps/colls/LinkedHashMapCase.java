package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class LinkedHashMapCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final Map<String, Integer> map = new LinkedHashMap<>();
        final LinkedHashMap<String, Integer> access = new LinkedHashMap<>(16, 0.75f, true);
        final Map<String, Integer> cleared = new LinkedHashMap<>();
    }

    @Durable
    static Holder h = new Holder();

    @Override
    public List<String> state() {
        return Show.fields(h);
    }

    @Override
    public void build() {
        Ops.map1(h.map);
        Ops.nulls(h.map, true);
        h.map.put("k12", 1200);               // an existing key keeps its place
        Ops.access1(h.access);
        h.cleared.put("c1", 1);
        h.cleared.clear();
        h.cleared.put("after-clear", 1);
    }

    @Override
    public void more() {
        Ops.map2(h.map);
        Ops.access2(h.access);
        h.cleared.put("c2", 2);
    }
}
