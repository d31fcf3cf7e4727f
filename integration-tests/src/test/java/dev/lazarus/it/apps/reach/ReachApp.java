package dev.lazarus.it.apps.reach;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Row: objects that become reachable later. Objects built and changed while detached (with their
 * own collections, arrays and detached children), then attached by a map put, a field assignment,
 * a list add and an array store: their full state must come back. Objects detached again (removed
 * from the map or list), changed while detached, and re-attached: the changes made while they were
 * out must come back too.
 */
public class ReachApp {
    @Durable
    static Registry registry = new Registry();

    static Item built(String name, int count) {
        Item it = new Item(name);
        it.count = count;
        it.history[0] = count * 10L;
        it.history[2] = -count;
        it.tags.add(name + "-t1");
        it.tags.add(name + "-t2");
        it.tags.remove(0);
        it.attrs.put("z", count);
        it.attrs.put("a", -count);
        Item child = new Item(name + "-child");
        child.count = count + 1;
        child.tags.add("deep");
        child.history = new long[] {1, 2, 3, 4};
        it.child = child;
        child.count++;          // changed after it was linked, still detached
        return it;
    }

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                Registry r = registry;
                List<String> out = new ArrayList<>();
                for (Map.Entry<String, Item> e : r.items.entrySet()) {
                    out.add("items[" + e.getKey() + "] " + e.getValue().describe());
                }
                for (int i = 0; i < r.list.size(); i++) {
                    out.add("list[" + i + "] " + r.list.get(i).describe());
                }
                out.add("later " + (r.later == null ? "null" : r.later.describe()));
                for (int i = 0; i < r.slots.length; i++) {
                    out.add("slots[" + i + "] " + (r.slots[i] == null ? "null" : r.slots[i].describe()));
                }
                out.add("list[0]==items[w2] " + (!r.list.isEmpty() && r.list.get(0) == r.items.get("w2")));
                return out;
            }

            @Override
            public void build() {
                Registry r = registry;
                // 1. built detached, attached by a map put
                Item x = built("x", 5);
                x.child.attrs.put("k", 1);
                r.items.put("x", x);
                x.count = 6;                               // and changed after

                // 2. built detached, attached by a field assignment
                r.later = built("y", 7);

                // 3. detached children of a detached item, in its list: attached through the item
                Item p = built("p", 11);
                Item q = built("q", 12);
                p.kids.add(q);
                q.count = 13;                              // changed while in p's list, detached
                q.kids.add(new Item("q-kid"));
                r.slots[0] = p;                            // attached by an array store

                // 4. attached, detached again (removed from the map), changed while out, re-attached
                Item z = built("z", 20);
                r.items.put("z", z);
                r.items.remove("z");
                z.count = 21;
                z.tags.add("while-out");
                z.attrs.clear();
                z.history[1] = 99;
                z.child = new Item("z-new-child");         // a new detached child while z is out
                z.child.count = 22;
                r.list.add(z);                             // re-attached through another collection

                // 5. removed from a list, changed, re-attached in the map under another key
                Item w = built("w", 30);
                r.list.add(0, w);
                r.list.remove(w);
                w.count = 31;
                w.tags.clear();
                w.tags.add("back");
                r.items.put("w2", w);
                r.list.add(0, w);                          // and also in the list: shared

                // 6. an attached item replaced in a field, changed, then attached again elsewhere
                Item old = r.later;
                r.later = built("v", 40);
                old.count = 8;
                old.tags.add("after-replace");
                r.slots[1] = old;
            }
        });
    }
}
