package dev.lazarus.it.apps.seq;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Java 21+: Java 21's sequenced methods and views on tracked collections (putFirst, reversed(),
 * sequencedKeySet()...), each of which changed state silently before Lazarus logged them.
 */
public class SequencedApp implements Harness.Scenario {
    @Durable
    static class Holder {
        final LinkedHashMap<String, Integer> map = new LinkedHashMap<>();
        final LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true);
        final LinkedHashSet<String> set = new LinkedHashSet<>();
        final ArrayList<String> list = new ArrayList<>();
        final LinkedList<String> linked = new LinkedList<>();
        final ArrayDeque<String> deque = new ArrayDeque<>();
        final TreeMap<String, Integer> tree = new TreeMap<>();
        final TreeSet<String> treeSet = new TreeSet<>();
    }

    @Durable
    static Holder h = new Holder();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new SequencedApp());
    }

    @Override
    public List<String> state() {
        return Show.fields(h);
    }

    @Override
    public void build() {
        for (String k : List.of("a", "b", "c", "d", "e", "f")) {
            h.map.put(k, k.charAt(0) - 'a');
            h.lru.put(k, 1);
            h.set.add(k);
            h.list.add(k);
            h.linked.add(k);
            h.deque.add(k);
            h.tree.put(k, 0);
            h.treeSet.add(k);
        }
        // LinkedHashMap: putFirst/putLast, polls, the sequenced views and the reversed map
        h.map.putFirst("z", 26);
        h.map.putLast("a", 100);
        h.map.pollFirstEntry();
        h.map.sequencedKeySet().removeLast();
        SequencedSet<String> keys = (SequencedSet<String>) h.map.keySet();
        keys.reversed().removeFirst();
        h.map.sequencedValues().removeIf(v -> v == 2);
        h.map.sequencedEntrySet().getFirst().setValue(-1);
        SequencedMap<String, Integer> rev = h.map.reversed();
        rev.putFirst("y", 25);
        rev.putLast("x", 24);
        rev.replaceAll((k, v) -> v + 1000);
        rev.sequencedKeySet().removeFirst();
        for (Iterator<Map.Entry<String, Integer>> it = rev.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getKey().equals("d")) {
                it.remove();
            }
        }
        ((SequencedCollection<Integer>) h.map.values()).reversed().removeLast();
        // access order: putFirst/putLast and touches through the reversed view
        h.lru.putFirst("f", 2);
        h.lru.reversed().get("b");
        h.lru.putLast("c", 3);
        // LinkedHashSet
        h.set.addFirst("f");
        h.set.addLast("a");
        h.set.removeFirst();
        h.set.reversed().addFirst("q");
        h.set.reversed().removeIf(s -> s.equals("c"));
        Iterator<String> last = h.set.reversed().iterator();
        last.next();
        last.remove();
        // lists and deques: reversed views route through the tracked collection
        h.list.reversed().addFirst("L");
        h.list.reversed().removeLast();
        h.list.reversed().set(1, "S");
        h.list.addFirst("F");
        h.linked.reversed().addFirst("L");
        h.linked.reversed().removeLast();
        h.linked.reversed().removeIf(s -> s.equals("c"));
        h.deque.reversed().addFirst("L");
        h.deque.reversed().pollLast();
        h.deque.reversed().removeIf(s -> s.equals("d"));
        // sorted: reversed() is the descending view
        h.tree.reversed().pollFirstEntry();
        h.tree.sequencedKeySet().removeFirst();
        h.tree.reversed().put("m", 13);
        h.treeSet.reversed().removeFirst();
        h.treeSet.removeLast();
    }
}
