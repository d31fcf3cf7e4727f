package dev.lazarus.internal.collection;

import java.util.Map;

/**
 * Which tracked class replaces which JDK collection class. The instrumentation rewrites
 * {@code new java/util/HashMap} in tracked classes into {@code new} of the replacement, with the
 * same constructor descriptor; every replacement extends its JDK class and has all its public
 * constructors. Names are internal names (slashes), and are spelled out rather than taken from
 * class literals so that asking does not load the tracked classes.
 */
public final class TrackedCollections {
    private static final String PACKAGE = "dev/lazarus/internal/collection/";

    private static final Map<String, String> TRACKED = Map.of(
            "java/util/ArrayList", PACKAGE + "TrackedArrayList",
            "java/util/LinkedList", PACKAGE + "TrackedLinkedList",
            "java/util/HashMap", PACKAGE + "TrackedHashMap",
            "java/util/LinkedHashMap", PACKAGE + "TrackedLinkedHashMap",
            "java/util/TreeMap", PACKAGE + "TrackedTreeMap",
            "java/util/HashSet", PACKAGE + "TrackedHashSet",
            "java/util/LinkedHashSet", PACKAGE + "TrackedLinkedHashSet",
            "java/util/TreeSet", PACKAGE + "TrackedTreeSet",
            "java/util/ArrayDeque", PACKAGE + "TrackedArrayDeque",
            "java/util/concurrent/ConcurrentHashMap", PACKAGE + "TrackedConcurrentHashMap");

    private TrackedCollections() {
    }

    /** The internal name of the tracked replacement of a JDK class, or null if it has none. */
    public static String trackedNameFor(String jdkInternalName) {
        return TRACKED.get(jdkInternalName);
    }
}
