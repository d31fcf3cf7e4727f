package dev.lazarus.it.apps.graph;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Show;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Durable
public class Node implements Show.Labeled, Show.Graphed {
    String name;
    Node next;
    Node other;
    Node self;
    final List<Node> kids = new ArrayList<>();
    final Map<String, Node> byName = new HashMap<>();

    public Node() {
        this("unnamed");
    }

    public Node(String name) {
        this.name = name;
    }

    @Override
    public String label() {
        return "Node(" + name + ")";
    }

    @Override
    public List<Object> edges() {
        List<Object> out = new ArrayList<>();
        out.add(next);
        out.add(other);
        out.add(self);
        out.add(kids);
        out.add(byName);
        return out;
    }

    /** This node's fields, references by label. */
    public String describe() {
        return name + ": next=" + Show.v(next) + " other=" + Show.v(other) + " self=" + Show.v(self)
                + " kids=" + Show.v(kids) + " byName=" + Show.v(byName);
    }
}
