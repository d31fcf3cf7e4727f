package dev.lazarus.it.apps.graph;

import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.List;

@Durable
public class Graph {
    Node first;
    Node second;
    Node third;
    Node fourth;
    Node[] slots = new Node[3];
    final List<Node> all = new ArrayList<>();
}
