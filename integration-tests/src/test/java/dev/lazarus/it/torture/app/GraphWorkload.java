package dev.lazarus.it.torture.app;

import dev.lazarus.Durable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collections, arrays and shared references: each thread changes its own {@link Part} (nodes held
 * by a {@code HashMap}, a {@code TreeMap}, an {@code ArrayList}, a {@code LinkedList}, a
 * {@code HashSet}, arrays and each other) and the {@link Graph}'s shared collections. The check
 * is exact: each part, and its entries in the shared collections, must equal what redoing steps
 * {@code 1..recovered[t]} on a fresh part gives (from its last reset on, see {@link Part#RESET_EVERY}),
 * compared as a canonical printout in which each node is numbered once (so sharing and cycles are
 * compared too).
 */
final class GraphWorkload implements Workload {
    @Durable
    static Graph graph = new Graph();

    private final long seed;
    private int threads;

    GraphWorkload(long seed) {
        this.seed = seed;
    }

    @Override
    public void open(int threads) {
        this.threads = threads;
        if (graph.parts == null) {
            graph.open(threads);
        }
        if (graph.parts.length != threads) {
            throw new IllegalStateException("the graph was made for " + graph.parts.length + " threads, not " + threads);
        }
    }

    @Override
    public long recovered(int thread) {
        return graph.parts[thread].seq;
    }

    @Override
    public void step(int thread, long seq) {
        graph.parts[thread].step(seq, Steps.random(seed, thread, seq), graph);
    }

    @Override
    public List<String> verify(long[] recovered) {
        List<String> problems = new ArrayList<>();
        Graph expected = new Graph(); // never reachable from a root: not logged
        expected.open(threads);
        for (int t = 0; t < threads; t++) {
            Part part = expected.parts[t];
            // the last reset empties the part: redo from there (it behaves the same on an empty part)
            for (long s = Math.max(1, recovered[t] / Part.RESET_EVERY * Part.RESET_EVERY); s <= recovered[t]; s++) {
                part.step(s, Steps.random(seed, t, s), expected);
            }
            String want = printout(part, expected, t);
            String got = printout(graph.parts[t], graph, t);
            if (!want.equals(got)) {
                int at = 0;
                while (at < Math.min(want.length(), got.length()) && want.charAt(at) == got.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 80);
                problems.add("part " + t + " after step " + recovered[t] + " differs at char " + at + ": expected ..."
                        + want.substring(from, Math.min(want.length(), at + 80)) + "... recovered ..."
                        + got.substring(from, Math.min(got.length(), at + 80)) + "...");
            }
        }
        return problems;
    }

    /** Everything part t holds and owns in the shared collections, each node numbered at its first mention. */
    private static String printout(Part p, Graph g, int t) {
        Map<Node, Integer> numbers = new IdentityHashMap<>();
        ArrayDeque<Node> pending = new ArrayDeque<>();
        StringBuilder b = new StringBuilder();
        java.util.function.Function<Node, String> ref = n -> {
            if (n == null) {
                return "-";
            }
            Integer k = numbers.get(n);
            if (k == null) {
                k = numbers.size();
                numbers.put(n, k);
                pending.add(n);
            }
            return "#" + k;
        };
        b.append("id=").append(p.id).append(" seq=").append(p.seq).append(" nextId=").append(p.nextId);
        b.append("\nbyName=");
        new TreeMap<>(p.byName).forEach((k, v) -> b.append(k).append(':').append(ref.apply(v)).append(' '));
        b.append("\nbyId=");
        p.byId.forEach((k, v) -> b.append(k).append(':').append(ref.apply(v)).append(' '));
        b.append("\norder=");
        p.order.forEach(n -> b.append(ref.apply(n)).append(' '));
        b.append("\nqueue=");
        p.queue.forEach(n -> b.append(ref.apply(n)).append(' '));
        b.append("\nmarked=");
        p.marked.stream().sorted((x, y) -> Integer.compare(x.id, y.id)).forEach(n -> b.append(ref.apply(n)).append(' '));
        b.append("\nlabels=").append(p.labels).append("\ntags=").append(p.tags).append("\nevents=").append(p.events);
        b.append("\ncounters=").append(Arrays.toString(p.counters)).append("\nslots=");
        for (Node n : p.slots) {
            b.append(ref.apply(n)).append(' ');
        }
        String mine = "p" + t + "-";
        b.append("\ndirectory=");
        g.directory.forEach((k, v) -> {
            if (k.startsWith(mine)) {
                b.append(k).append(':').append(ref.apply(v)).append(' ');
            }
        });
        b.append("\nshared=");
        new TreeMap<>(g.counters).forEach((k, v) -> {
            if (k.startsWith(mine)) {
                b.append(k).append(':').append(v).append(' ');
            }
        });
        while (!pending.isEmpty()) {
            Node n = pending.poll();
            b.append("\n#").append(numbers.get(n)).append(" id=").append(n.id).append(" value=").append(n.value)
                    .append(" label=").append(n.label).append(" next=").append(ref.apply(n.next)).append(" links=");
            n.links.forEach(l -> b.append(ref.apply(l)).append(' '));
            b.append(" weights=").append(Arrays.toString(n.weights));
        }
        return b.toString();
    }
}
