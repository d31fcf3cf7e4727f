package dev.lazarus.it.apps.reach;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Show;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Durable
public class Item implements Show.Labeled {
    String name;
    int count;
    long[] history = new long[3];
    final List<String> tags = new ArrayList<>();
    final Map<String, Integer> attrs = new TreeMap<>();
    final List<Item> kids = new ArrayList<>();
    Item child;

    public Item() {
        this("unnamed");
    }

    public Item(String name) {
        this.name = name;
    }

    @Override
    public String label() {
        return "Item(" + name + ")";
    }

    /** The full state of this item and of the items it reaches (a tree here). */
    public String describe() {
        StringBuilder b = new StringBuilder(name).append("{count=").append(count).append(" history=")
                .append(Show.v(history)).append(" tags=").append(Show.v(tags)).append(" attrs=").append(Show.v(attrs))
                .append(" child=").append(child == null ? "null" : child.describe()).append(" kids=[");
        for (int i = 0; i < kids.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(kids.get(i).describe());
        }
        return b.append("]}").toString();
    }
}
