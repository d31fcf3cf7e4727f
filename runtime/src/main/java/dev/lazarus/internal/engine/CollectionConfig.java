package dev.lazarus.internal.engine;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;

/**
 * Construction settings of a collection that its public API does not tell. Read by reflection from
 * the JDK's fields, which the agent opens to itself; if they cannot be read, logging the collection
 * with a default would recover it wrong without a word, so the write is refused instead.
 */
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
        if (!(collection instanceof LinkedHashMap)) {
            return false;
        }
        if (ACCESS_ORDER == null) {
            throw unreadable(null);
        }
        try {
            return ACCESS_ORDER.getBoolean(collection);
        } catch (IllegalAccessException e) {
            throw unreadable(e);
        }
    }

    private static IllegalStateException unreadable(Exception cause) {
        return new IllegalStateException("Lazarus cannot tell whether a LinkedHashMap is access-ordered: java.util is"
                + " not open to it, and recovering the map in the wrong order would go unnoticed. The agent opens it"
                + " itself (Add-Opens in its manifest); when Lazarus runs without the agent, add"
                + " --add-opens=java.base/java.util=ALL-UNNAMED to the JVM.", cause);
    }
}
