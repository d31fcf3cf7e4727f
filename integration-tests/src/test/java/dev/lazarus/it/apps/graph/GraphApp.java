package dev.lazarus.it.apps.graph;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.ArrayList;
import java.util.List;

/**
 * Row: references between tracked objects. Sharing (two fields, list slots, map values and array
 * slots pointing to one object) and cycles (a -> b -> a, self-reference, a node in its own list,
 * a cycle built while detached), checked by identity ({@code ==}) after recovery.
 */
public class GraphApp {
    @Durable
    static Graph graph = new Graph();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                Graph g = graph;
                List<String> out = new ArrayList<>();
                out.add("first=" + Show.v(g.first) + " second=" + Show.v(g.second) + " third=" + Show.v(g.third)
                        + " fourth=" + Show.v(g.fourth) + " slots=" + Show.v(g.slots));
                for (Node n : g.all) {
                    out.add("node " + n.describe());
                }
                if (g.first == null) {
                    return out;
                }
                Node a = g.first;
                Node b = a.next;
                Node c = g.third;
                Node d = g.fourth;
                Node e = d == null ? null : d.next;
                out.add("first==second " + (g.first == g.second));
                out.add("a.next.next==a " + (b != null && b.next == a));
                out.add("c.self==c " + (c != null && c.self == c));
                out.add("d.next.next==d " + (e != null && e.next == d));
                out.add("d.other==a " + (d != null && d.other == a));
                out.add("e.other==e.next " + (e != null && e.other == e.next));
                out.add("a.kids[0]==a.kids[1]==b " + (a.kids.size() > 2 && a.kids.get(0) == b && a.kids.get(1) == b));
                out.add("a.kids[2]==a " + (a.kids.size() > 2 && a.kids.get(2) == a));
                out.add("b.byName[a]==a " + (b != null && b.byName.get("a") == a));
                out.add("b.byName[c]==c==slots[0]==slots[2] " + (b != null && b.byName.get("c") == c
                        && g.slots[0] == c && g.slots[2] == c));
                out.add("slots[1]==e " + (g.slots[1] == e));
                boolean allSame = g.all.size() == 5 && g.all.get(0) == a && g.all.get(1) == b && g.all.get(2) == c
                        && g.all.get(3) == d && g.all.get(4) == e;
                out.add("all==[a,b,c,d,e] " + allSame);
                out.add("distinct nodes " + Show.distinct(g.first, g.second, g.third, g.fourth, g.slots, g.all));
                return out;
            }

            @Override
            public void build() {
                Graph g = graph;
                Node a = new Node("a");
                Node b = new Node("b");
                Node c = new Node("c");
                g.first = a;           // a is attached
                g.second = a;          // shared
                a.next = b;            // b is attached
                b.next = a;            // cycle a -> b -> a
                c.self = c;            // self-reference while detached
                g.third = c;           // c attached later
                a.kids.add(b);
                a.kids.add(b);         // the same object twice in a list
                a.kids.add(a);         // a node in its own list
                b.byName.put("a", a);
                b.byName.put("c", c);
                g.slots[0] = c;        // array slots sharing an object
                g.slots[2] = c;

                Node d = new Node("d"); // a cycle built while detached
                Node e = new Node("e");
                d.next = e;
                e.next = d;
                d.other = a;           // a detached node pointing to an attached one
                e.other = d;
                g.fourth = d;          // attaches d and e
                g.slots[1] = e;
                a.name = "a2";         // renamed after everything points to it
                g.all.add(a);
                g.all.add(b);
                g.all.add(c);
                g.all.add(d);
                g.all.add(e);
            }
        });
    }
}
