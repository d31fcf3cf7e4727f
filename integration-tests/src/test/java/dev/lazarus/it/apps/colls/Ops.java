package dev.lazarus.it.apps.colls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The mutating paths of the collection interfaces, applied from an untracked class to tracked
 * collections. Phase 1 runs in the first JVM, phase 2 on the recovered collections.
 */
public final class Ops {
    private Ops() {
    }

    static String key(int i) {
        return String.format("k%02d", i);
    }

    // ---------------------------------------------------------------- List

    public static void list1(List<String> l) {
        l.add("a");
        l.add("b");
        l.add("c");
        l.add(0, "z");
        l.addAll(List.of("d", "e", "f", "g", "h", "i", "j"));
        l.addAll(2, List.of("x", "y"));
        l.set(1, "A");
        l.remove(3);
        l.remove("e");
        l.remove("not-there");
        l.removeIf(s -> s.equals("f"));
        l.replaceAll(s -> s + s.length());
        l.sort(null);
        Iterator<String> it = l.iterator();
        it.next();
        it.next();
        it.remove();
        ListIterator<String> li = l.listIterator(1);
        li.next();
        li.set("SET");
        li.add("ADDED");
        li.next();
        li.remove();
        li.previous();
        li.set("PREV-SET");
        l.subList(1, 3).clear();
        List<String> sub = l.subList(0, 4);
        sub.add("subAdd");
        sub.set(0, "subSet");
        sub.remove(1);
        sub.removeIf(s -> s.startsWith("g"));
        sub.replaceAll(s -> s.toUpperCase());
        sub.sort(Comparator.reverseOrder());
        sub.subList(0, 1).add("nested-sub");
        ListIterator<String> sli = sub.listIterator(sub.size());
        sli.previous();
        sli.remove();
        Collections.reverse(l);
        Collections.swap(l, 0, l.size() - 1);
        Collections.shuffle(l, new Random(42));
        Collections.rotate(l, 2);
        l.addAll(List.of("q", "r", "s", "r"));
        l.removeAll(List.of("r"));
        l.retainAll(new HashSet<>(l.subList(1, l.size())));
        l.add(l.size(), "end");
        l.listIterator(l.size()).add("tail");
        Collections.addAll(l, "m1", "m2");
        Collections.sort(l.subList(l.size() - 4, l.size()));
    }

    public static void list2(List<String> l) {
        l.add("p2");
        l.remove(0);
        l.add(1, "p2-mid");
        l.sort(Comparator.reverseOrder());
        ListIterator<String> it = l.listIterator(l.size());
        it.previous();
        it.remove();
        l.subList(0, 2).clear();
        l.set(0, "p2-set");
        l.removeIf(s -> s.startsWith("m"));
    }

    public static void ints1(List<Integer> ints) {
        ints.addAll(List.of(5, 10, 15, 20, 5, 25, 30));
        ints.remove(1);                       // by index
        ints.remove(Integer.valueOf(5));      // by value: the first 5
        ints.set(0, -1);
        ints.sort(Comparator.reverseOrder());
        ints.removeIf(i -> i > 25);
    }

    public static void ints2(List<Integer> ints) {
        ints.add(0, 99);
        ints.remove(Integer.valueOf(-1));
        ints.replaceAll(i -> i * 2);
    }

    // ---------------------------------------------------------------- Deque

    public static void deque1(Deque<String> d) {
        d.add("a");
        d.addLast("b");
        d.addFirst("c");
        d.offerFirst("d");
        d.offerLast("e");
        d.push("f");
        d.offer("g");
        d.addAll(List.of("h", "i", "j", "b", "k", "l", "m", "b"));
        d.pop();
        d.poll();
        d.pollLast();
        d.removeFirst();
        d.removeLast();
        d.remove();
        d.removeFirstOccurrence("b");
        d.removeLastOccurrence("b");
        Iterator<String> it = d.iterator();
        it.next();
        it.next();
        it.remove();
        Iterator<String> dit = d.descendingIterator();
        dit.next();
        dit.remove();
        d.removeIf(s -> s.equals("h"));
        d.remove("i");
        d.removeAll(List.of("zz", "j"));
        d.addAll(List.of("n", "o", "p"));
        d.retainAll(List.of("a", "b", "e", "k", "n", "o", "p", "b"));
        d.pollFirst();
        d.offerFirst("front");
        d.push("pushed");
    }

    public static void deque2(Deque<String> d) {
        d.addFirst("p2-first");
        d.addLast("p2-last");
        d.pollLast();
        d.removeFirst();
        d.poll();
        Iterator<String> dit = d.descendingIterator();
        dit.next();
        dit.remove();
        d.offerLast("p2-end");
        d.push("p2-push");
    }

    // ---------------------------------------------------------------- Map

    public static void map1(Map<String, Integer> m) {
        for (int i = 0; i < 30; i++) {
            m.put(key(i), i);
        }
        m.put("k05", 500);
        m.remove("k07");
        m.remove("k08", 8);
        m.remove("k09", -1);
        m.putAll(new TreeMap<>(Map.of("p1", 1, "p2", 2, "k00", -100)));
        m.compute("k10", (k, v) -> v == null ? -1 : v * 100);
        m.compute("new1", (k, v) -> v == null ? 1 : v);
        m.compute("k11", (k, v) -> null);
        m.computeIfAbsent("k12", k -> 0);
        m.computeIfAbsent("new2", k -> 2);
        m.computeIfAbsent("new3", k -> null);
        m.computeIfPresent("k13", (k, v) -> v + 1000);
        m.computeIfPresent("k14", (k, v) -> null);
        m.computeIfPresent("absent", (k, v) -> 1);
        m.merge("k15", 5, Integer::sum);
        m.merge("new4", 4, Integer::sum);
        m.merge("k16", 1, (a, b) -> null);
        m.putIfAbsent("k17", -17);
        m.putIfAbsent("new5", 5);
        m.replace("k18", 1800);
        m.replace("absent", 1);
        m.replace("k19", 19, 1900);
        m.replace("k20", -1, 0);
        m.replaceAll((k, v) -> k.startsWith("new") ? v * 2 : v);
        m.keySet().remove("k21");
        m.keySet().removeIf(k -> k.equals("k22"));
        Iterator<String> ki = m.keySet().iterator();
        ki.next();
        ki.remove();
        m.values().remove(23);
        m.values().removeIf(v -> v == 24);
        m.values().removeAll(List.of(25));
        Iterator<Integer> vi = m.values().iterator();
        vi.next();
        vi.remove();
        m.entrySet().remove(Map.entry("k26", 26));
        m.entrySet().removeIf(e -> e.getKey().equals("k27"));
        Iterator<Map.Entry<String, Integer>> ei = m.entrySet().iterator();
        ei.next();
        ei.remove();
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            if (e.getKey().equals("k28")) {
                e.setValue(2800);
            }
        }
        Iterator<Map.Entry<String, Integer>> ei2 = m.entrySet().iterator();
        ei2.next();
        ei2.next().setValue(-5);
        Set<String> keep = new HashSet<>(m.keySet());
        keep.remove("k29");
        m.keySet().retainAll(keep);
        m.values().retainAll(new ArrayList<>(m.values()).subList(1, m.size()));
    }

    public static void map2(Map<String, Integer> m) {
        m.put("q1", 1);
        m.remove(m.keySet().iterator().next());
        m.merge("k05", 1, Integer::sum);
        m.entrySet().iterator().next().setValue(42);
        m.keySet().removeIf(k -> k != null && k.endsWith("3"));
        m.computeIfAbsent("q2", k -> 7);
        m.put("k12", 1212);
    }

    public static void nulls(Map<String, Integer> m, boolean nullKey) {
        if (nullKey) {
            m.put(null, 0);
        }
        m.put("nullv", null);
        m.put("nullv2", 1);
        m.put("nullv2", null);
    }

    // ---------------------------------------------------------------- access-ordered LinkedHashMap

    public static void access1(Map<String, Integer> m) {
        for (int i = 0; i < 12; i++) {
            m.put(key(i), i);
        }
        m.get("k03");
        m.get("k01");
        m.getOrDefault("k05", -1);
        m.getOrDefault("absent", -1);
        m.get("absent");
        m.put("k02", 22);
        m.putIfAbsent("k04", 0);
        m.compute("k06", (k, v) -> v + 60);
        m.merge("k07", 70, Integer::sum);
        m.computeIfAbsent("k08", k -> -8);
        m.computeIfPresent("k09", (k, v) -> v + 90);
        m.replace("k00", 100);
        m.keySet().remove("k05");
        m.get("k10");
        m.entrySet().iterator().next().setValue(-1);
    }

    public static void access2(Map<String, Integer> m) {
        m.get("k00");
        m.get("k03");
        m.put("q1", 1);
        m.get("k11");
        m.remove("k02");
    }

    // ---------------------------------------------------------------- NavigableMap

    public static void nav1(NavigableMap<String, Integer> m) {
        m.put("K05", -5);                      // the same key as k05 for a case-insensitive map
        m.pollFirstEntry();
        m.pollLastEntry();
        List<String> keys = new ArrayList<>(m.keySet());
        int n = keys.size();
        m.headMap(keys.get(2)).clear();
        m.tailMap(keys.get(n - 3), true).remove(keys.get(n - 2));
        m.subMap(keys.get(4), true, keys.get(9), false).keySet().removeIf(k -> k.endsWith("5") || k.endsWith("8"));
        m.subMap(keys.get(9), true, keys.get(12), true).entrySet().iterator().next().setValue(9999);
        m.descendingMap().remove(keys.get(10));
        m.descendingMap().pollFirstEntry();
        Iterator<String> dk = m.descendingKeySet().iterator();
        dk.next();
        dk.remove();
        m.navigableKeySet().pollFirst();
        Iterator<Integer> hv = m.headMap(keys.get(14), false).values().iterator();
        hv.next();
        hv.remove();
        m.tailMap(keys.get(12), true).put(keys.get(12), 777);
        m.headMap(keys.get(11), true).descendingMap().entrySet().removeIf(e -> e.getValue() == 9999);
    }

    public static void nav2(NavigableMap<String, Integer> m) {
        m.pollLastEntry();
        m.put("z9", 9);
        m.descendingMap().pollLastEntry();
        List<String> keys = new ArrayList<>(m.keySet());
        m.subMap(keys.get(1), true, keys.get(3), true).clear();
    }

    // ---------------------------------------------------------------- Set

    public static void set1(Set<String> s) {
        for (int i = 0; i < 30; i++) {
            s.add(key(i));
        }
        s.add("k05");
        s.remove("k07");
        s.remove("absent");
        s.addAll(List.of("a1", "a2", "a3", "K05"));
        s.removeAll(List.of("a2", "k08"));
        Set<String> keep = new HashSet<>(s);
        keep.remove("k09");
        s.retainAll(keep);
        s.removeIf(x -> x.equals("k10"));
        Iterator<String> it = s.iterator();
        it.next();
        it.remove();
        for (Iterator<String> i2 = s.iterator(); i2.hasNext(); ) {
            if (i2.next().equals("k11")) {
                i2.remove();
            }
        }
    }

    public static void set2(Set<String> s) {
        s.add("q1");
        s.remove(s.iterator().next());
        s.removeIf(x -> x != null && x.endsWith("3"));
        s.addAll(List.of("q2", "q3"));
    }

    public static void navSet1(NavigableSet<String> s) {
        s.pollFirst();
        s.pollLast();
        List<String> keys = new ArrayList<>(s);
        int n = keys.size();
        s.headSet(keys.get(2)).clear();
        s.tailSet(keys.get(n - 3), true).remove(keys.get(n - 2));
        s.subSet(keys.get(4), true, keys.get(9), false).removeIf(x -> x.endsWith("5") || x.endsWith("6"));
        s.descendingSet().remove(keys.get(12));
        s.descendingSet().pollFirst();
        Iterator<String> d = s.descendingIterator();
        d.next();
        d.remove();
        Iterator<String> h = s.headSet(keys.get(14), true).iterator();
        h.next();
        h.remove();
        s.tailSet(keys.get(10), true).descendingSet().remove(keys.get(11));
        s.subSet(keys.get(10), true, keys.get(13), false).descendingSet().pollLast();
    }

    public static void navSet2(NavigableSet<String> s) {
        s.pollLast();
        s.add("z9");
        s.descendingSet().pollLast();
        List<String> keys = new ArrayList<>(s);
        s.subSet(keys.get(1), true, keys.get(3), true).clear();
    }
}
