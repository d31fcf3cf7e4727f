package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class HashMapCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final Map<String, Integer> map = new HashMap<>();
        final HashMap<String, Integer> presized = new HashMap<>(64);
        final Map<String, List<String>> multi = new HashMap<>();
        final Map<String, Elem> elems = new HashMap<>();
        final Map<String, Integer> cleared = new HashMap<>(Map.of("c1", 1));

        void addMulti(String k, String v) {
            multi.computeIfAbsent(k, x -> new ArrayList<>()).add(v);   // a list created in a lambda of this class
        }
    }

    @Durable
    static Holder h = new Holder();

    @Override
    public List<String> state() {
        List<String> out = Show.fields(h);
        out.add("elems[e2]==elems[e3] " + (h.elems.get("e2") != null && h.elems.get("e2") == h.elems.get("e3")));
        return out;
    }

    @Override
    public void build() {
        Ops.map1(h.map);
        Ops.nulls(h.map, true);
        Ops.map1(h.presized);
        h.addMulti("a", "1");
        h.addMulti("a", "2");
        h.addMulti("b", "3");
        h.multi.get("a").remove(0);                // through the nested list
        h.elems.put("e1", new Elem("e1", 1));
        h.elems.put("e2", new Elem("e2", 2));
        h.elems.get("e1").set(10);
        h.elems.put("e3", h.elems.get("e2"));
        h.cleared.clear();
        h.cleared.put("after-clear", 1);
    }

    @Override
    public void more() {
        Ops.map2(h.map);
        h.map.remove(null);
        Ops.map2(h.presized);
        h.addMulti("b", "4");
        h.multi.get("a").add(0, "0");
        h.elems.get("e2").set(20);
        h.elems.remove("e1");
        h.cleared.clear();
    }
}
