package dev.lazarus.internal.engine;

import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.hook.Tracked;

/**
 * The message for an application class that is a collection Lazarus does not track: a subclass
 * of {@code LinkedHashMap} that is neither {@code @Durable} nor declared inside a {@code @Durable}
 * class, or a subclass of a collection that has no tracked replacement ({@code Vector},
 * {@code AbstractMap}...). Changes made through it would be lost: it is refused, never copied.
 */
final class CollectionSubclassRefusal {
    private static final String TRACKED = "ArrayList, LinkedList, HashMap, LinkedHashMap, TreeMap, HashSet, LinkedHashSet,"
            + " TreeSet, ArrayDeque or ConcurrentHashMap";

    private CollectionSubclassRefusal() {
    }

    static String message(String path, Class<?> type) {
        Class<?> jdk = type;
        while (jdk != null && !jdk.getName().startsWith("java.")) {
            jdk = jdk.getSuperclass();
        }
        String jdkName = jdk == null ? "java.lang.Object" : jdk.getName();
        boolean replaceable = TrackedCollections.trackedNameFor(jdkName.replace('.', '/')) != null;
        String start = "Lazarus cannot track " + path + ": it holds a " + type.getName() + ", a subclass of " + jdkName;
        if (replaceable && !Tracked.class.isAssignableFrom(type)) {
            return start + " that is neither @Durable nor declared inside a @Durable class, so changes made through it"
                    + " would be lost after a crash. Fix: annotate " + type.getName() + " (and every class between it and "
                    + jdkName + ") with @Durable: it is then tracked wherever it is created, its own fields too.";
        }
        if (replaceable) {
            return start + " through a class that is not tracked, so changes made through it would be lost after a crash."
                    + " Fix: annotate every class between " + type.getName() + " and " + jdkName + " with @Durable.";
        }
        return start + ", a collection Lazarus has no tracked version of, so changes made through it would be lost after"
                + " a crash. Fix: extend one of " + TRACKED + " instead, or hold such a collection in a field of a"
                + " @Durable class.";
    }
}
