package dev.lazarus.internal.engine;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;

/** Construction settings of a collection that its public API does not tell. */
public final class CollectionConfig {
    private static final Field ACCESS_ORDER = accessOrderField();

    private CollectionConfig() {
    }

    private static Field accessOrderField() {
        try {
            Field f = LinkedHashMap.class.getDeclaredField("accessOrder");
            f.setAccessible(true); // java.util is opened to Lazarus by the agent
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    public static boolean accessOrder(Object collection) {
        if (!(collection instanceof LinkedHashMap) || ACCESS_ORDER == null) {
            return false;
        }
        try {
            return ACCESS_ORDER.getBoolean(collection);
        } catch (IllegalAccessException e) {
            return false;
        }
    }
}
