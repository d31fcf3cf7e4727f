package dev.lazarus.internal.engine;

import dev.lazarus.internal.collection.TrackedArrayDeque;
import dev.lazarus.internal.collection.TrackedArrayList;
import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.collection.TrackedConcurrentHashMap;
import dev.lazarus.internal.collection.TrackedHashMap;
import dev.lazarus.internal.collection.TrackedHashSet;
import dev.lazarus.internal.collection.TrackedLinkedList;
import dev.lazarus.internal.collection.TrackedTreeMap;
import dev.lazarus.internal.collection.TrackedTreeSet;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The collection kinds a {@link RoundTripNode} can hold, each as the plain JDK collection (the model)
 * and as what the agent makes of {@code new X<>()} in a tracked class (the tracked replacement).
 * The linked kinds go through {@link TrackedCollections}, which picks the Java 21 variant on 21+.
 */
enum RoundTripBag {
    ARRAY_LIST(ArrayList::new, TrackedArrayList::new, true, true),
    LINKED_LIST(LinkedList::new, TrackedLinkedList::new, true, true),
    ARRAY_DEQUE(ArrayDeque::new, TrackedArrayDeque::new, false, true),
    HASH_MAP(HashMap::new, TrackedHashMap::new, true, true),
    LINKED_HASH_MAP(LinkedHashMap::new, () -> linked(LinkedHashMap.class), true, true),
    ACCESS_ORDER_MAP(() -> new LinkedHashMap<>(16, 0.75f, true), () -> accessOrdered(), true, true),
    TREE_MAP(TreeMap::new, TrackedTreeMap::new, true, false),
    CASE_INSENSITIVE_TREE_MAP(() -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER),
            () -> new TrackedTreeMap<>(String.CASE_INSENSITIVE_ORDER), true, false),
    CONCURRENT_HASH_MAP(ConcurrentHashMap::new, TrackedConcurrentHashMap::new, false, true),
    HASH_SET(HashSet::new, TrackedHashSet::new, true, true),
    LINKED_HASH_SET(LinkedHashSet::new, () -> linked(LinkedHashSet.class), true, true),
    TREE_SET(TreeSet::new, TrackedTreeSet::new, false, false),
    REVERSE_TREE_SET(() -> new TreeSet<>(Collections.reverseOrder()),
            () -> new TrackedTreeSet<>(Collections.reverseOrder()), false, false);

    private final Supplier<Object> plain;
    private final Supplier<Object> tracked;
    /** Whether null may be stored (as an element, or as a map's value). */
    final boolean nulls;
    /** Whether nodes may be stored (as elements or values; sorted kinds hold strings only: nodes are not Comparable). */
    final boolean nodes;

    RoundTripBag(Supplier<Object> plain, Supplier<Object> tracked, boolean nulls, boolean nodes) {
        this.plain = plain;
        this.tracked = tracked;
        this.nulls = nulls;
        this.nodes = nodes;
    }

    /**
     * The kinds a history may create: all of them. (An access-ordered map needs java.util open to
     * Lazarus, as the agent does; the runtime's test JVMs get the same flag.)
     */
    static java.util.List<RoundTripBag> usable() {
        return java.util.List.of(values());
    }

    Object create(boolean durable) {
        return durable ? tracked.get() : plain.get();
    }

    /** The kind of a model's (plain) collection. */
    static RoundTripBag of(Object plain) {
        if (plain instanceof ArrayDeque) {
            return ARRAY_DEQUE;
        } else if (plain instanceof LinkedList) {
            return LINKED_LIST;
        } else if (plain instanceof ArrayList) {
            return ARRAY_LIST;
        } else if (plain instanceof ConcurrentHashMap) {
            return CONCURRENT_HASH_MAP;
        } else if (plain instanceof TreeMap<?, ?> m) {
            return m.comparator() == null ? TREE_MAP : CASE_INSENSITIVE_TREE_MAP;
        } else if (plain instanceof LinkedHashMap) {
            return CollectionConfig.accessOrder(plain) ? ACCESS_ORDER_MAP : LINKED_HASH_MAP;
        } else if (plain instanceof HashMap) {
            return HASH_MAP;
        } else if (plain instanceof TreeSet<?> s) {
            return s.comparator() == null ? TREE_SET : REVERSE_TREE_SET;
        } else if (plain instanceof LinkedHashSet) {
            return LINKED_HASH_SET;
        } else if (plain instanceof HashSet) {
            return HASH_SET;
        }
        throw new IllegalArgumentException("not a model collection: " + plain.getClass().getName());
    }

    private static Object linked(Class<?> jdk) {
        try {
            return TrackedCollections.trackedClassFor(jdk).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object accessOrdered() {
        try {
            return TrackedCollections.trackedClassFor(LinkedHashMap.class)
                    .getConstructor(int.class, float.class, boolean.class).newInstance(16, 0.75f, true);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
