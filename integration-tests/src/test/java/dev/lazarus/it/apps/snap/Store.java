package dev.lazarus.it.apps.snap;

import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** The root of {@link SnapApp}: many items, one lane per worker thread, a counter. */
@Durable
public class Store {
    List<Item> items = new ArrayList<>();
    final Map<String, Lane> lanes = new TreeMap<>();
    long counter;
    long generation;

    /** Builds the list detached and attaches it whole with one field write. */
    public void fill(int n, long seed) {
        List<Item> list = new ArrayList<>(n);
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            list.add(new Item(i, r.nextLong(), "t" + r.nextInt(1000)));
        }
        items = list;
    }

    public synchronized Lane lane(String name) {
        Lane l = lanes.get(name);
        if (l == null) {
            l = new Lane();
            lanes.put(name, l);
        }
        return l;
    }

    /** One random change: a value, a tag, or a whole item replaced (the old one becomes garbage). */
    public synchronized void mutate(Random r) {
        int n = items.size();
        int i = r.nextInt(n);
        int op = r.nextInt(10);
        if (op < 7) {
            items.get(i).value = r.nextLong();
        } else if (op < 9) {
            items.get(i).tag = "m" + r.nextInt(100_000);
        } else {
            items.set(i, new Item(i, r.nextLong(), "new" + r.nextInt(100)));
        }
        generation++;
    }

    /** An exact digest of the items, in list order. */
    public synchronized String digest() {
        long sum = 0;
        long hash = 17;
        int badIds = 0;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            sum += it.value;
            hash = hash * 31 + it.id;
            hash = hash * 31 + it.value;
            hash = hash * 31 + (it.tag == null ? 0 : it.tag.hashCode());
            if (it.id != i) {
                badIds++;
            }
        }
        return "items=" + items.size() + " sum=" + sum + " hash=" + hash + " badIds=" + badIds + " generation=" + generation;
    }
}
