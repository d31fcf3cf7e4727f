package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        // keySet(default).add goes through a final JDK method: not seen (README, known limits)
        h.map.putIfAbsent("via-keyset", 0);
        h.map.putIfAbsent("ks1", -1);
        h.map.putIfAbsent("ks2", -1);
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
        h.map.putIfAbsent("via-keyset-2", 5);
        h.elems.get("e2").set(20);
        h.elems.remove("e1");
        h.cleared.put("c2", 2);
    }
}
