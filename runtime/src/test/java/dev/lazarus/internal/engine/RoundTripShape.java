package dev.lazarus.internal.engine;

import dev.lazarus.internal.collection.TrackedCollections;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A canonical printout of the graph reachable from a root, equal for two graphs exactly when they
 * hold the same values in the same shape. Nodes are named by label and printed in label order; a
 * collection or array is named where the walk first meets it and referred to by that name after,
 * so sharing shows (two nodes holding one list print one name twice; two equal lists two names),
 * and so does a node that recovery duplicated (two objects with one label). Hash-ordered
 * collections print their entries sorted (their order depends on identity hash codes); every other
 * kind in iteration order, which recovery must keep.
 */
final class RoundTripShape {
    private RoundTripShape() {
    }

    /** The nodes reachable from {@code root}, breadth first, each object once. */
    static List<RoundTripNode> reachable(RoundTripNode root) {
        List<RoundTripNode> out = new ArrayList<>();
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> work = new ArrayDeque<>();
        work.add(root);
        while (!work.isEmpty()) {
            Object o = work.poll();
            if (o == null || !seen.add(o)) {
                continue;
            }
            if (o instanceof RoundTripNode n) {
                out.add(n);
                addAll(work, n.left, n.right, n.bag, n.refs);
            } else if (o instanceof Map<?, ?> m) {
                m.forEach((k, v) -> addAll(work, k, v));
            } else if (o instanceof Collection<?> c) {
                c.forEach(e -> addAll(work, e));
            } else if (o instanceof Object[] a) {
                addAll(work, a);
            }
        }
        return out;
    }

    private static void addAll(ArrayDeque<Object> work, Object... values) {
        for (Object v : values) {
            if (v instanceof RoundTripNode || v instanceof Map || v instanceof Collection || v instanceof Object[]) {
                work.add(v);
            }
        }
    }

    static String print(RoundTripNode root) {
        List<RoundTripNode> nodes = new ArrayList<>(reachable(root));
        nodes.sort(Comparator.comparingInt(n -> n.label));
        Map<Object, String> names = new IdentityHashMap<>();
        StringBuilder out = new StringBuilder("root " + RoundTripCall.text(root) + "\n");
        Set<Integer> labels = new HashSet<>();
        for (RoundTripNode n : nodes) {
            if (!labels.add(n.label)) {
                out.append("DUPLICATE ");
            }
            out.append('#').append(n.label)
                    .append(" i=").append(n.i).append(" l=").append(n.l).append(" d=").append(n.d)
                    .append(" f=").append(n.f).append(" z=").append(n.z).append(" c=").append((int) n.c)
                    .append(" s=").append(n.s).append(" b=").append(n.b)
                    .append(" str=").append(RoundTripCall.text(n.str)).append(" any=").append(RoundTripCall.text(n.any))
                    .append(" left=").append(RoundTripCall.text(n.left)).append(" right=").append(RoundTripCall.text(n.right))
                    .append("\n  bag=").append(container(n.bag, names))
                    .append("\n  ints=").append(container(n.ints, names))
                    .append(" reals=").append(container(n.reals, names))
                    .append(" refs=").append(container(n.refs, names)).append('\n');
        }
        return out.toString();
    }

    /** A collection or array: its name if already printed, else its name, kind and content. */
    private static String container(Object c, Map<Object, String> names) {
        if (c == null) {
            return "null";
        }
        String name = names.get(c);
        if (name != null) {
            return "@" + name;
        }
        name = "C" + names.size();
        names.put(c, name);
        return name + ":" + kind(c) + content(c);
    }

    private static String kind(Object c) {
        if (c.getClass().isArray()) {
            return c.getClass().getComponentType().getSimpleName() + "[]";
        }
        String kind = TrackedCollections.jdkClassOf(c.getClass()).getSimpleName();
        if (CollectionConfig.accessOrder(c)) {
            kind += "(access order)";
        }
        Comparator<?> comparator = c instanceof SortedMap<?, ?> m ? m.comparator()
                : c instanceof SortedSet<?> s ? s.comparator() : null;
        return comparator == null ? kind : kind + "(" + comparator.getClass().getSimpleName() + ")";
    }

    private static String content(Object c) {
        List<String> items = new ArrayList<>();
        if (c instanceof Map<?, ?> m) {
            m.forEach((k, v) -> items.add(RoundTripCall.text(k) + "=" + RoundTripCall.text(v)));
        } else if (c instanceof Collection<?> coll) {
            coll.forEach(e -> items.add(RoundTripCall.text(e)));
        } else if (c instanceof int[] a) {
            return java.util.Arrays.toString(a);
        } else if (c instanceof double[] a) {
            return java.util.Arrays.toString(a);
        } else {
            for (Object e : (Object[]) c) {
                items.add(RoundTripCall.text(e));
            }
        }
        if (hashOrdered(c)) {
            items.sort(null);
        }
        return items.toString();
    }

    private static boolean hashOrdered(Object c) {
        Class<?> jdk = TrackedCollections.jdkClassOf(c.getClass());
        return jdk == HashMap.class || jdk == HashSet.class || jdk == ConcurrentHashMap.class;
    }
}
