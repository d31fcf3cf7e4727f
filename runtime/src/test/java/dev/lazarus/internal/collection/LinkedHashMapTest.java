package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is particular to LinkedHashMap: reads that reorder, and eviction by a subclass. */
class LinkedHashMapTest extends JournalTest {
    private static TrackedLinkedHashMap<String, Integer> accessOrdered() {
        TrackedLinkedHashMap<String, Integer> m = attach(new TrackedLinkedHashMap<>(16, 0.75f, true));
        m.put("a", 1);
        m.put("b", 2);
        m.put("c", 3);
        return m;
    }

    private List<Integer> ops() {
        return journal.ops().stream().map(RecordingJournal.Op::op).toList();
    }

    @Test
    void getOfAPresentKeyLogsATouchAndReplaysTheNewOrder() {
        TrackedLinkedHashMap<String, Integer> m = accessOrdered();
        journal.clear();
        m.get("a");
        m.get("zz");
        m.getOrDefault("b", 0);
        m.getOrDefault("zz", 0);
        assertThat(ops()).containsExactly(CollectionOp.MAP_TOUCH, CollectionOp.MAP_TOUCH);
        assertThat(m.keySet()).containsExactly("c", "a", "b");
    }

    @Test
    void readsThatFindTheKeyReorderAndReplay() {
        TrackedLinkedHashMap<String, Integer> m = accessOrdered();
        m.get("a");
        m.putIfAbsent("b", 9);
        m.computeIfAbsent("a", k -> 9);
        m.get("c");
        m.containsKey("a");
        assertReplays(m, new LinkedHashMap<>(16, 0.75f, true));
    }

    @Test
    void insertionOrderedReadsLogNothing() {
        TrackedLinkedHashMap<String, Integer> m = attach(new TrackedLinkedHashMap<>());
        m.put("a", 1);
        journal.clear();
        m.get("a");
        m.getOrDefault("a", 0);
        m.putIfAbsent("a", 2);
        m.computeIfAbsent("a", k -> 3);
        assertThat(journal.ops()).isEmpty();
    }

    @Test
    void setValueInAccessOrderIsAResetBecauseItDoesNotReorder() {
        TrackedLinkedHashMap<String, Integer> m = accessOrdered();
        m.entrySet().iterator().next().setValue(10);
        assertThat(journal.ops().get(journal.ops().size() - 1).op()).isEqualTo(CollectionOp.RESET);
        assertReplays(m, new LinkedHashMap<>(16, 0.75f, true));
        assertThat(m.keySet()).containsExactly("a", "b", "c");
    }

    /** A subclass is the only way removeEldestEntry can evict. */
    static final class Lru<K, V> extends TrackedLinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;
        private final int max;

        Lru(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > max;
        }
    }

    @Test
    void evictionByASubclassIsLogged() {
        Lru<String, Integer> m = attach(new Lru<>(3));
        for (String k : List.of("a", "b", "c", "d", "a", "e", "f")) {
            m.put(k, k.charAt(0) - 'a');
        }
        m.get("e");
        m.computeIfAbsent("g", k -> 7);
        m.merge("h", 8, Integer::sum);
        m.compute("i", (k, v) -> 9);
        m.putIfAbsent("j", 10);
        assertThat(m).hasSize(3);
        assertReplays(m, new LinkedHashMap<>(16, 0.75f, true));
    }

    @Test
    void evictionOfTheInsertedKeyItselfIsLogged() {
        Lru<String, Integer> m = attach(new Lru<>(0));
        m.put("a", 1);
        assertThat(m).isEmpty();
        assertReplays(m, new LinkedHashMap<>(16, 0.75f, true));
    }

    /** The other allowed pattern: removeEldestEntry removes through the map's API itself. */
    static final class SelfEvicting<K, V> extends TrackedLinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            if (size() > 2) {
                remove(eldest.getKey());
            }
            return false;
        }
    }

    @Test
    void removalInsideRemoveEldestEntryIsLogged() {
        SelfEvicting<String, Integer> m = attach(new SelfEvicting<>());
        for (String k : List.of("a", "b", "c", "d")) {
            m.put(k, 1);
        }
        assertThat(m.keySet()).containsExactly("c", "d");
        assertReplays(m, new LinkedHashMap<>());
    }
}
