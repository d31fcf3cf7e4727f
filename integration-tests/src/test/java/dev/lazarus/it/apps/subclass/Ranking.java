package dev.lazarus.it.apps.subclass;

import dev.lazarus.Durable;

import java.util.Comparator;
import java.util.TreeMap;

/** A top-level TreeMap subclass made durable by its annotation, with fields of its own and a comparator. */
@Durable
public class Ranking extends TreeMap<String, Integer> {
    String title = "untitled";
    int updates;

    public Ranking() {
        super(Comparator.reverseOrder());
    }

    @Override
    public Integer put(String key, Integer value) {
        updates++;
        return super.put(key, value);
    }
}
