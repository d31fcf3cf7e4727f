package dev.lazarus.internal.collection;

import java.util.Map;
import java.util.Set;

/**
 * Which tracked class replaces which JDK collection class. The instrumentation rewrites
 * {@code new java/util/HashMap} in tracked classes into {@code new} of the replacement, with the
 * same constructor descriptor; every replacement extends its JDK class and has all its public
 * constructors. Names are internal names (slashes), and are spelled out rather than taken from
 * class literals so that asking does not load the tracked classes.
 *
 * <p>This is the one place that chooses between a tracked class and its Java 21 variant
 * ({@code TrackedLinkedHashMap21}...): on a 21+ JVM the JDK class has sequenced methods and views
 * ({@code putFirst}, {@code reversed()}, {@code sequencedKeySet()}) that only a class compiled
 * against 21 can override and return. The variants are compiled separately (src/main/java21)
 * into the same package; everything that creates a tracked collection (the instrumentation,
 * recovery, snapshots) asks here. What reaches the disk is the JDK class ({@link #jdkClassOf}),
 * never the variant, so a log written on one JDK is read on any other.
 */
public final class TrackedCollections {
    private static final String PACKAGE = "dev/lazarus/internal/collection/";
    /** The suffix of a Java 21 variant's name. */
    private static final String VARIANT_21 = "21";

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

    /**
     * The JDK classes that gained, in Java 21, methods or views whose types (SequencedMap,
     * SequencedSet, SequencedCollection) a class compiled for 17 cannot name. The others either
     * gained nothing (HashMap, HashSet, ConcurrentHashMap), or gained methods that the 17 class
     * overrides by name and descriptor (ArrayList's addFirst...) and default views that call back
     * into its overrides (List, Deque and NavigableSet/NavigableMap {@code reversed()}).
     */
    private static final Set<String> NEED_21 = Set.of("java/util/LinkedHashMap", "java/util/LinkedHashSet");

    private static final boolean USE_21 = Runtime.version().feature() >= 21;

    private TrackedCollections() {
    }

    /** The internal name of the tracked replacement of a JDK class, or null if it has none. */
    public static String trackedNameFor(String jdkInternalName) {
        String tracked = TRACKED.get(jdkInternalName);
        return tracked != null && USE_21 && NEED_21.contains(jdkInternalName) ? tracked + VARIANT_21 : tracked;
    }

    /**
     * The tracked class that replaces {@code jdkClass}, loaded and initialised, or null if it has
     * none: what recovery and the cluster instantiate.
     */
    public static Class<?> trackedClassFor(Class<?> jdkClass) {
        String name = trackedNameFor(jdkClass.getName().replace('.', '/'));
        if (name == null) {
            return null;
        }
        try {
            return Class.forName(name.replace('/', '.'), true, TrackedCollections.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(missing(name), e);
        }
    }

    /**
     * The JDK collection class that {@code c} (a tracked collection, or its Java 21 variant)
     * extends: the name written to disk. A JDK class is its own.
     */
    public static Class<?> jdkClassOf(Class<?> c) {
        Class<?> k = c;
        // JDK classes come from the boot loader; tracked ones and their variants never do
        while (k != null && k.getClassLoader() != null) {
            k = k.getSuperclass();
        }
        return k == null ? c : k;
    }

    /**
     * True when {@code c} is one of the tracked classes or variants themselves rather than a
     * subclass of one (whose overrides, such as {@code removeEldestEntry}, Lazarus cannot see).
     */
    static boolean isOwn(Class<?> c) {
        String name = c.getName().replace('.', '/');
        return TRACKED.containsValue(name) || name.endsWith(VARIANT_21) && TRACKED.containsValue(
                name.substring(0, name.length() - VARIANT_21.length()));
    }

    /**
     * Refuses to start on a 21+ JVM when the Java 21 variants are missing (an agent jar built
     * without them): the sequenced methods of LinkedHashMap and LinkedHashSet would then change
     * tracked state without logging it.
     */
    public static void checkVariants() {
        if (!USE_21) {
            return;
        }
        for (String jdk : NEED_21) {
            String name = trackedNameFor(jdk);
            if (TrackedCollections.class.getClassLoader().getResource(name + ".class") == null) {
                throw new IllegalStateException(missing(name));
            }
        }
    }

    private static String missing(String name) {
        return "this JVM is Java " + Runtime.version().feature() + " but the agent jar lacks " + name.replace('/', '.')
                + ", the tracked collection for Java 21+ (without it, LinkedHashMap.putFirst, sequencedKeySet()"
                + " and the like would change state without logging it). Fix: use an agent jar built with its"
                + " Java 21 classes (runtime/src/main/java21, compiled by a JDK 21+ javac: see runtime/pom.xml)";
    }
}
