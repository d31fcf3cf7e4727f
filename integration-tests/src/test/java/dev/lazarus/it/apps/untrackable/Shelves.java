package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One tracked collection of each kind, for {@link RefusedElementsApp}. */
@Durable
public class Shelves {
    final List<Object> items = new ArrayList<>();
    final LinkedList<Object> linked = new LinkedList<>();
    final Deque<Object> deque = new ArrayDeque<>();
    final Set<Object> set = new HashSet<>();
    final Map<String, Object> byKey = new HashMap<>();
    final TreeMap<String, Object> sorted = new TreeMap<>();
    final Map<String, Object> lru = new LinkedHashMap<>(16, 0.75f, true);

    String content() {
        return "items=" + items + " linked=" + linked + " deque=" + deque + " set=" + set + " byKey=" + byKey
                + " sorted=" + sorted + " lru=" + lru;
    }
}
