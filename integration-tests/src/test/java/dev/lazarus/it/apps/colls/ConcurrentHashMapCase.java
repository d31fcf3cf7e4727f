package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public class ConcurrentHashMapCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        final ConcurrentMap<String, Elem> elems = new ConcurrentHashMap<>();
        final Map<String, Integer> cleared = new ConcurrentHashMap<>();
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
        // the key set's add/addAll and its iterator's remove call package-private JDK methods: routed by the agent
        h.map.keySet(0).add("via-keyset");
        h.map.keySet(-1).addAll(List.of("ks1", "ks2", "ks3", "k05"));
        h.map.keySet().removeAll(Set.of("ks3", "absent"));
        h.map.keySet().removeAll(new ArrayList<>(List.of("k01", "k02")));
        Iterator<Integer> vi = h.map.values().iterator();
        vi.next();
        vi.remove();
        h.elems.put("e1", new Elem("e1", 1));
        h.elems.putIfAbsent("e2", new Elem("e2", 2));
        h.elems.get("e1").set(10);
        h.cleared.put("c1", 1);
        h.cleared.clear();
        h.cleared.put("after-clear", 1);
    }

    @Override
    public void more() {
        Ops.map2(h.map);
        h.map.keySet(5).add("via-keyset-2");
        // removeAll of a collection larger than the set walks the set and removes through its iterator
        Set<String> many = new HashSet<>(h.map.keySet());
        many.removeIf(k -> !k.startsWith("k1"));
        for (int i = 0; i < 1000; i++) {
            many.add("absent" + i);
        }
        h.map.keySet().removeAll(many);
        h.elems.get("e2").set(20);
        h.elems.remove("e1");
        h.cleared.put("c2", 2);
    }
}
