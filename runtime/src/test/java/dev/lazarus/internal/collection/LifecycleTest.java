package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Tracked;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Construction, cloning, serialization and the registry, for all ten tracked classes. */
class LifecycleTest extends JournalTest {
    static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of("ArrayList", (Supplier<Object>) TrackedArrayList::new),
                Arguments.of("LinkedList", (Supplier<Object>) TrackedLinkedList::new),
                Arguments.of("ArrayDeque", (Supplier<Object>) TrackedArrayDeque::new),
                Arguments.of("HashSet", (Supplier<Object>) TrackedHashSet::new),
                Arguments.of("LinkedHashSet", (Supplier<Object>) TrackedLinkedHashSet::new),
                Arguments.of("TreeSet", (Supplier<Object>) () -> new TrackedTreeSet<>(Comparator.reverseOrder())),
                Arguments.of("HashMap", (Supplier<Object>) TrackedHashMap::new),
                Arguments.of("LinkedHashMap", (Supplier<Object>) () -> new TrackedLinkedHashMap<>(4, 0.75f, true)),
                Arguments.of("TreeMap", (Supplier<Object>) () -> new TrackedTreeMap<>(Comparator.reverseOrder())),
                Arguments.of("ConcurrentHashMap", (Supplier<Object>) TrackedConcurrentHashMap::new));
    }

    @SuppressWarnings("unchecked")
    private static void fill(Object c, int from) {
        for (int i = from; i < from + 5; i++) {
            if (c instanceof Map<?, ?> m) {
                ((Map<Object, Object>) m).put("k" + i, i);
            } else {
                ((Collection<Object>) c).add("e" + i);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mutate(Object c) {
        if (c instanceof Map<?, ?>) {
            Map<Object, Object> m = (Map<Object, Object>) c;
            m.put("x", 1);
            m.remove("k1");
            m.keySet().remove("k2");
            m.entrySet().iterator().next().setValue(7);
        } else {
            Collection<Object> coll = (Collection<Object>) c;
            coll.add("x");
            coll.remove("e1");
            coll.iterator().next();
            coll.removeIf(e -> e.equals("e2"));
        }
    }

    /** Hash-ordered copies may be sized otherwise by the JDK, so only ordered kinds keep the order. */
    private static void assertSameContent(Object copy, List<Object> expected) {
        boolean ordered = copy instanceof List || copy instanceof Deque || copy instanceof LinkedHashMap
                || copy instanceof LinkedHashSet || copy instanceof SortedMap || copy instanceof SortedSet;
        if (ordered) {
            assertThat(contents(copy)).containsExactlyElementsOf(expected);
        } else {
            assertThat(contents(copy)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void cloneIsDetachedAndSharesNothingWithTheOriginal(String name, Supplier<Object> factory) throws Exception {
        Object original = factory.get();
        if (original instanceof ConcurrentHashMap) {
            return; // not Cloneable
        }
        attach((Tracked) original);
        fill(original, 0);
        List<Object> before = contents(original);
        journal.clear();

        Method clone = original.getClass().getMethod("clone");
        Object copy = clone.invoke(original);
        assertThat(journal.ops()).as("cloning logs nothing").isEmpty();
        assertThat(copy).isInstanceOf(original.getClass());
        assertThat(((Tracked) copy).$lz$oid()).isZero();
        assertSameContent(copy, before);

        mutate(copy);
        assertThat(journal.ops()).as("the clone logs nothing").isEmpty();
        assertThat(contents(original)).containsExactlyElementsOf(before);

        mutate(original);
        assertThat(journal.ops()).as("the original still logs").isNotEmpty()
                .allSatisfy(op -> assertThat(op.oid()).isEqualTo(OID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void serializationKeepsContentAndOrderAndComesBackDetached(String name, Supplier<Object> factory)
            throws Exception {
        Object original = factory.get();
        attach((Tracked) original);
        fill(original, 0);
        journal.clear();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }
        assertThat(journal.ops()).isEmpty();
        assertThat(copy).isExactlyInstanceOf(original.getClass());
        assertThat(((Tracked) copy).$lz$oid()).isZero();
        assertSameContent(copy, contents(original));

        mutate(copy);
        assertThat(journal.ops()).isEmpty();
        attach((Tracked) copy);
        fill(copy, 10);
        assertThat(journal.ops()).isNotEmpty();
    }

    @Test
    void accessOrderSurvivesSerialization() throws Exception {
        TrackedLinkedHashMap<String, Integer> m = new TrackedLinkedHashMap<>(4, 0.75f, true);
        m.put("a", 1);
        m.put("b", 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        @SuppressWarnings("unchecked")
        TrackedLinkedHashMap<String, Integer> copy = (TrackedLinkedHashMap<String, Integer>)
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        attach(copy);
        copy.get("a");
        assertThat(copy.keySet()).containsExactly("b", "a");
        assertThat(journal.ops()).singleElement().satisfies(op -> assertThat(op.op()).isEqualTo(CollectionOp.MAP_TOUCH));
    }

    static Stream<Arguments> pairs() {
        return Stream.of(ArrayList.class, LinkedList.class, HashMap.class, LinkedHashMap.class, TreeMap.class,
                        HashSet.class, LinkedHashSet.class, TreeSet.class, ArrayDeque.class, ConcurrentHashMap.class)
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void registryNamesASubclassWithEveryPublicConstructor(Class<?> jdk) throws Exception {
        String tracked = TrackedCollections.trackedNameFor(jdk.getName().replace('.', '/'));
        assertThat(tracked).isNotNull().doesNotContain(".");
        Class<?> c = Class.forName(tracked.replace('/', '.'));
        // the JDK class itself, or through the Java 21 variant on 21+
        assertThat(TrackedCollections.jdkClassOf(c)).isEqualTo(jdk);
        assertThat(Tracked.class).isAssignableFrom(c);
        assertThat(Modifier.isPublic(c.getModifiers())).isTrue();
        for (Constructor<?> ctor : jdk.getConstructors()) {
            Constructor<?> mine = c.getConstructor(ctor.getParameterTypes());
            assertThat(Modifier.isPublic(mine.getModifiers()))
                    .as("public %s%s", c.getSimpleName(), Arrays.toString(ctor.getParameterTypes())).isTrue();
        }
        assertThat(c.getConstructors()).hasSameSizeAs(jdk.getConstructors());
    }

    @Test
    void registryKnowsNothingElse() {
        assertThat(TrackedCollections.trackedNameFor("java/util/Vector")).isNull();
        assertThat(TrackedCollections.trackedNameFor("java.util.HashMap")).isNull();
        assertThat(TrackedCollections.trackedNameFor("dev/lazarus/internal/collection/TrackedHashMap")).isNull();
    }

    @Test
    void constructorsKeepTheirArguments() {
        assertThat(new TrackedTreeMap<String, Integer>(Comparator.reverseOrder()).comparator())
                .isEqualTo(Comparator.reverseOrder());
        assertThat(new TrackedTreeSet<String>(Comparator.reverseOrder()).comparator())
                .isEqualTo(Comparator.reverseOrder());
        TreeMap<String, Integer> sorted = new TreeMap<>(Comparator.reverseOrder());
        sorted.put("a", 1);
        sorted.put("b", 2);
        assertThat(new TrackedTreeMap<>(sorted)).containsExactly(Map.entry("b", 2), Map.entry("a", 1));
        assertThat(new TrackedTreeMap<>(sorted).comparator()).isEqualTo(Comparator.reverseOrder());
        assertThat(new TrackedTreeSet<>(sorted.navigableKeySet())).containsExactly("b", "a");
        assertThat(new TrackedArrayList<>(List.of(1, 2))).containsExactly(1, 2);
        assertThat(new TrackedLinkedList<>(List.of(1, 2))).containsExactly(1, 2);
        assertThat(new TrackedArrayDeque<>(List.of(1, 2))).containsExactly(1, 2);
        assertThat(new TrackedHashSet<>(List.of(1, 2))).containsExactlyInAnyOrder(1, 2);
        assertThat(new TrackedLinkedHashSet<>(List.of(2, 1))).containsExactly(2, 1);
        assertThat(new TrackedHashMap<>(Map.of("a", 1))).containsExactly(Map.entry("a", 1));
        assertThat(new TrackedLinkedHashMap<>(Map.of("a", 1))).containsExactly(Map.entry("a", 1));
        assertThat(new TrackedConcurrentHashMap<>(Map.of("a", 1))).containsExactly(Map.entry("a", 1));
        assertThat(new TrackedConcurrentHashMap<>(4, 0.5f, 2)).isEmpty();
        assertThat(journal.ops()).as("construction logs nothing").isEmpty();
    }

    @Test
    void replayOntoADetachedTrackedCollectionLogsNothing() {
        TrackedArrayList<String> list = new TrackedArrayList<>();
        CollectionReplay.apply(list, CollectionOp.LIST_ADD, 0, "a", null);
        TrackedHashMap<String, Integer> map = new TrackedHashMap<>();
        CollectionReplay.apply(map, CollectionOp.MAP_PUT, 0, "a", 1);
        assertThat(list).containsExactly("a");
        assertThat(map).containsExactly(Map.entry("a", 1));
        assertThat(journal.ops()).isEmpty();
    }
}
