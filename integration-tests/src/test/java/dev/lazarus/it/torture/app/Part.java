package dev.lazarus.it.torture.app;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One thread's part of the graph: the same nodes held by several collections and arrays at once,
 * linked to each other (cycles included). Each step is one {@code @Atomic synchronized} change of
 * many collections, arrays and fields, chosen at random from (seed, thread, step).
 */
@Durable
public class Part {
    static final int MAX_NODES = 48;
    /** Every this many steps the part starts again from empty, so a check redoes at most this many. */
    static final long RESET_EVERY = 1000;

    int id;
    long seq;
    int nextId;
    final HashMap<String, Node> byName = new HashMap<>();
    final TreeMap<Integer, Node> byId = new TreeMap<>();
    final ArrayList<Node> order = new ArrayList<>();
    final LinkedList<Node> queue = new LinkedList<>();
    final HashSet<Node> marked = new HashSet<>();
    final LinkedHashMap<Integer, String> labels = new LinkedHashMap<>();
    final TreeSet<String> tags = new TreeSet<>();
    final ArrayDeque<Long> events = new ArrayDeque<>();
    long[] counters = new long[16];
    Node[] slots = new Node[8];

    public Part() {
    }

    Part(int id) {
        this.id = id;
    }

    @Atomic
    synchronized void step(long s, SplittableRandom r, Graph graph) {
        if (s % RESET_EVERY == 0) {
            reset(graph);
        } else {
            int ops = 1 + r.nextInt(3);
            for (int i = 0; i < ops; i++) {
                op(s, r, graph);
            }
        }
        events.addLast(s);
        if (events.size() > 16) {
            events.removeFirst();
        }
        seq = s;
    }

    private void op(long s, SplittableRandom r, Graph graph) {
        int kind = order.isEmpty() ? 0 : r.nextInt(10);
        switch (kind) {
            case 0, 1 -> add(r);
            case 2 -> {
                Node a = pick(r);
                Node b = pick(r);
                a.links.add(b);
                if (a.links.size() > 3) {
                    a.links.remove(0);
                }
                a.next = b;
                b.next = a; // a cycle
            }
            case 3 -> {
                counters[r.nextInt(counters.length)] += r.nextInt(1000);
                System.arraycopy(counters, 0, counters, 1, 5);
                Arrays.fill(counters, 10, 13, s);
                pick(r).weights[r.nextInt(4)] = r.nextInt();
                slots[r.nextInt(slots.length)] = r.nextBoolean() ? pick(r) : null;
            }
            case 4 -> {
                queue.addLast(queue.removeFirst());
                Node n = pick(r);
                queue.remove(n);
                queue.addFirst(n);
            }
            case 5 -> {
                Node n = pick(r);
                labels.put(n.id, "L" + s);
                if (labels.size() > 20) {
                    labels.remove(labels.keySet().iterator().next());
                }
                String tag = "t" + r.nextInt(40);
                if (!tags.add(tag)) {
                    tags.remove(tag);
                }
            }
            case 6 -> {
                Node n = pick(r);
                if (!marked.remove(n)) {
                    marked.add(n);
                }
            }
            case 7 -> {
                Node n = pick(r);
                n.value += s;
                n.label = "v" + n.value % 1000;
                if (r.nextInt(4) == 0) {
                    counters = Arrays.copyOf(counters, counters.length); // a new array in the field
                }
            }
            case 8 -> {
                String key = "p" + id + "-" + r.nextInt(12);
                if (r.nextBoolean()) {
                    synchronized (graph.directory) {
                        graph.directory.put(key, pick(r)); // the node is now shared with the directory
                    }
                } else {
                    synchronized (graph.directory) {
                        graph.directory.remove(key);
                    }
                }
                graph.counters.merge("p" + id + "-c" + r.nextInt(4), 1L, Long::sum);
            }
            default -> {
                order.removeIf(n -> n.value % 5 == 3 && order.size() > 4 && forget(n));
                byName.entrySet().removeIf(e -> !order.contains(e.getValue()));
            }
        }
    }

    /** Empties the part and its entries in the shared collections (bulk clears, one transaction). */
    private void reset(Graph graph) {
        byName.clear();
        byId.clear();
        order.clear();
        queue.clear();
        marked.clear();
        labels.clear();
        tags.clear();
        events.clear();
        counters = new long[16];
        slots = new Node[8];
        nextId = 0;
        synchronized (graph.directory) {
            graph.directory.keySet().removeIf(k -> k.startsWith("p" + id + "-"));
        }
        for (int k = 0; k < 4; k++) {
            graph.counters.remove("p" + id + "-c" + k);
        }
    }

    private void add(SplittableRandom r) {
        Node n = new Node(nextId++);
        if (!order.isEmpty()) {
            n.links.add(pick(r));
            n.next = pick(r);
        }
        byName.put("n" + n.id, n);
        byId.put(n.id, n);
        order.add(n);
        queue.addLast(n);
        if (r.nextBoolean()) {
            marked.add(n);
        }
        slots[n.id % slots.length] = n;
        if (order.size() > MAX_NODES) {
            Node old = order.remove(0);
            forget(old);
            byName.remove("n" + old.id);
        }
    }

    /** Removes a node from the collections indexed by identity or id (the caller handles the rest). */
    private boolean forget(Node n) {
        byId.remove(n.id);
        queue.remove(n);
        marked.remove(n);
        labels.remove(n.id);
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == n) {
                slots[i] = null;
            }
        }
        return true;
    }

    private Node pick(SplittableRandom r) {
        return order.get(r.nextInt(order.size()));
    }
}
