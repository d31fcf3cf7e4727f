package dev.lazarus.internal.engine;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The object ids of tracked arrays. Arrays cannot carry an injected id, so they are looked up by
 * identity (arrays do not override {@code equals}/{@code hashCode}, which makes a WeakHashMap an
 * identity map for them); an array that is no longer referenced drops out on its own.
 */
final class ArrayRegistry {
    private final Map<Object, Long> ids = new WeakHashMap<>();
    /** A plain flag checked first, so that stores into untracked arrays cost one read while none is tracked. */
    private volatile boolean any;

    long oidOf(Object array) {
        if (!any) {
            return 0;
        }
        synchronized (ids) {
            Long id = ids.get(array);
            return id == null ? 0 : id;
        }
    }

    void register(Object array, long oid) {
        synchronized (ids) {
            ids.put(array, oid);
            any = true;
        }
    }

    void unregister(Object array) {
        synchronized (ids) {
            ids.remove(array);
        }
    }
}
