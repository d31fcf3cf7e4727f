package dev.lazarus.it.torture.app;

import dev.lazarus.Durable;

import java.util.ArrayList;

/** A node of the graph workload: shared between collections, linked into cycles. */
@Durable
public class Node {
    int id;
    long value;
    String label;
    Node next;
    final ArrayList<Node> links = new ArrayList<>();
    int[] weights = new int[4];

    public Node() {
    }

    Node(int id) {
        this.id = id;
        this.label = "n" + id;
    }
}
