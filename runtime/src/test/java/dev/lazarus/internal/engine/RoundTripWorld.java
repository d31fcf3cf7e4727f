package dev.lazarus.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a round trip: the durable graph (attached to an engine, its collections tracked) or
 * the model (plain collections, nodes never attached, so their setters report nothing). Operations
 * name nodes by label; a {@link Ref} in an argument stands for the node with that label.
 */
final class RoundTripWorld {
    /** A node named by its label, resolved in each world to that world's node. */
    record Ref(int label) {
        @Override
        public String toString() {
            return "#" + label;
        }
    }

    final boolean durable;
    final RoundTripNode root;
    private final Map<Integer, RoundTripNode> nodes = new HashMap<>();

    /** A world whose nodes are those reachable from {@code root}: a new model, or a recovered graph. */
    RoundTripWorld(boolean durable, RoundTripNode root) {
        this.durable = durable;
        this.root = root;
        for (RoundTripNode n : RoundTripShape.reachable(root)) {
            nodes.putIfAbsent(n.label, n);
        }
    }

    /** The labels of the nodes this world holds: reachable ones, and those it made unreachable since it was built. */
    java.util.Set<Integer> labels() {
        return nodes.keySet();
    }

    /** The node with this label, created (detached) on its first mention. */
    RoundTripNode node(int label) {
        return nodes.computeIfAbsent(label, RoundTripNode::new);
    }

    Object resolve(Object v) {
        if (v instanceof Ref r) {
            return node(r.label());
        }
        if (v instanceof Args args) {
            List<Object> out = new ArrayList<>();
            for (Object o : args.values()) {
                out.add(resolve(o));
            }
            return out;
        }
        return v;
    }

    /** Several arguments (addAll, retainAll, putAll), resolved into an ArrayList. */
    record Args(List<Object> values) {
        @Override
        public String toString() {
            return values.toString();
        }
    }
}
