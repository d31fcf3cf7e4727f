package dev.lazarus.it.apps.subclass;

import dev.lazarus.Durable;
import dev.lazarus.Lazarus;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.List;

/** Row: user subclasses of JDK collections (LRU maps with evictions, a TreeMap and a list with fields). */
public class SubclassApp {
    @Durable
    static Cache cache = new Cache();
    @Durable
    static Ranking ranking = new Ranking();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                Cache.CountingLru c = cache.counting;
                return List.of("lru=" + cache.lru + " capacity=" + cache.capacity, "captured=" + cache.captured,
                        "counting=" + c + " evictions=" + c.evictions + " last=" + c.lastEvicted + " max=" + c.max,
                        "names=" + cache.names + " adds=" + cache.names.adds,
                        "ranking=" + ranking + " title=" + ranking.title + " updates=" + ranking.updates
                                + " first=" + (ranking.isEmpty() ? "-" : ranking.firstKey()),
                        "classes=" + Show.v(cache.lru.getClass().getName()) + " " + cache.counting.getClass().getSimpleName());
            }

            @Override
            public void build() {
                for (String k : new String[] {"a", "b", "c"}) {
                    cache.lru.put(k, k.charAt(0) - 'a');
                }
                cache.lru.get("a");           // access order: b is now the eldest
                cache.lru.put("d", 3);        // evicts b
                cache.capacity = 2;
                cache.lru.put("e", 4);        // evicts c and a (the bound shrank: one per insertion, so c only)
                for (int i = 0; i < 5; i++) {
                    cache.captured.put("k" + i, i);  // keeps k3, k4
                    cache.counting.put("x" + i, i);  // evicts x0..x2, counting them
                }
                cache.counting.get("x3");
                cache.counting.put("x5", 5);  // evicts x4 (x3 was touched)
                cache.names.add("ann");
                cache.names.add("bob");
                cache.names.remove(0);
                ranking.put("gold", 1);
                ranking.put("silver", 2);
                ranking.put("bronze", 3);
                ranking.remove("silver");
                ranking.title = "medals";
            }

            @Override
            public void more() {
                // the last run then recovers the subclasses from a snapshot (written from records) and the log after it
                Lazarus.checkpoint();
                cache.lru.put("f", 5);
                cache.captured.put("k9", 9);
                cache.counting.put("x6", 6);
                cache.names.add("cy");
                ranking.put("iron", 4);
                ranking.title = "metals";
            }
        });
    }
}
