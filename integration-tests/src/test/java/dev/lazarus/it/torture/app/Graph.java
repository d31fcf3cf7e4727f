package dev.lazarus.it.torture.app;

import dev.lazarus.Durable;

import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The graph workload's root: one {@link Part} per thread, plus two collections all threads
 * write (each under its own keys): a directory of nodes (so nodes are shared across parts' and
 * the directory's references) guarded by its monitor, and a concurrent map of counters.
 */
@Durable
public class Graph {
    Part[] parts;
    final TreeMap<String, Node> directory = new TreeMap<>();
    final ConcurrentHashMap<String, Long> counters = new ConcurrentHashMap<>();

    public Graph() {
    }

    synchronized void open(int threads) {
        Part[] p = new Part[threads];
        for (int i = 0; i < threads; i++) {
            p[i] = new Part(i);
        }
        parts = p; // attaches every part at once
    }
}
