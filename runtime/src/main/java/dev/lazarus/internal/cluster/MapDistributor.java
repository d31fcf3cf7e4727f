package dev.lazarus.internal.cluster;

import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.collection.TrackedHashMap;
import dev.lazarus.internal.hook.Distributor;
import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Tracked;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code @Distributed} fields hold. Without cluster options: an ordinary tracked map, kept
 * as a durable root named after the field. In a cluster: a {@link DistributedMap}, whose local
 * share is an internal durable root (the field's name plus {@code @cluster}) holding a tracked
 * map, so it goes through this member's redo log and is recovered like any root.
 */
public final class MapDistributor implements Distributor {
    private final ClusterNode node;
    private final Map<String, DistributedMap<?, ?>> maps = new ConcurrentHashMap<>();

    /** @param cluster null for a JVM without cluster options */
    public MapDistributor(ClusterSettings cluster) {
        this.node = cluster == null ? null : new ClusterNode(cluster);
    }

    @Override
    public Object map(Object value, Class<?> owner, String field) {
        String name = owner.getName() + "." + field;
        checkType(owner, field, name);
        if (node == null) {
            return Hooks.root(tracked(value), owner, field);
        }
        DistributedMap<?, ?> existing = maps.get(name);
        if (existing != null && (value == existing || isEmptyMap(value))) {
            return existing;
        }
        if (existing != null || !isEmptyMap(value)) {
            throw new IllegalStateException("@Distributed field " + name + " is assigned a map with entries (or a"
                    + " second map); in a cluster it holds one map that every member shares. Fix: assign it once,"
                    + " new HashMap<>(), and put entries afterwards");
        }
        synchronized (maps) {
            return maps.computeIfAbsent(name, n -> {
                @SuppressWarnings("unchecked")
                Map<Object, Object> share = (Map<Object, Object>) Hooks.root(new TrackedHashMap<>(), owner, field + "@cluster");
                LocalShare local = new LocalShare(share);
                Set<Object> recovered = ConcurrentHashMap.newKeySet();
                local.snapshot().forEach(e -> recovered.add(e.getKey()));
                ClusterNode.MapState state = new ClusterNode.MapState(n, local, owner.getClassLoader(), recovered);
                DistributedMap<?, ?> map = new DistributedMap<>(node, state);
                node.register(state);
                return map;
            });
        }
    }

    private static boolean isEmptyMap(Object value) {
        return value == null || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static void checkType(Class<?> owner, String field, String name) {
        Class<?> type;
        try {
            Field f = owner.getDeclaredField(field);
            type = f.getType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("no field " + name, e);
        }
        if (type != Map.class) {
            throw new IllegalStateException("@Distributed field " + name + " is declared as " + type.getName()
                    + ". Fix: declare it as java.util.Map (the cluster puts its own Map implementation there)");
        }
    }

    /** The tracked counterpart of {@code value} (a copy), so that its changes are logged. */
    private static Object tracked(Object value) {
        if (value == null || value instanceof Tracked) {
            return value;
        }
        try {
            Class<?> trackedClass = TrackedCollections.trackedClassFor(value.getClass());
            if (trackedClass != null) {
                return trackedClass.getConstructor(Map.class).newInstance(value);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + value.getClass().getName() + " into a tracked map", e);
        }
        return new TrackedHashMap<>((Map<?, ?>) value);
    }

    public void close() {
        if (node != null) {
            node.close();
        }
    }
}
