package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazarus.internal.hook.Hooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What is particular to ConcurrentHashMap: no nulls, and many writers of the same keys. */
class ConcurrentHashMapTest extends JournalTest {
    @Test
    void rejectsNullsLikeTheJdkAndLogsNothing() {
        TrackedConcurrentHashMap<String, Integer> m = attach(new TrackedConcurrentHashMap<>());
        m.put("a", 1);
        journal.clear();
        assertThatThrownBy(() -> m.put(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.put("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.putIfAbsent("b", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.remove(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.remove(null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(m.remove("a", null)).isFalse();
        assertThatThrownBy(() -> m.replace("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.replace("a", 1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.merge("a", null, Integer::sum)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.compute("a", null)).isInstanceOf(NullPointerException.class);
        assertThat(journal.ops()).isEmpty();
        assertThat(m).containsExactly(Map.entry("a", 1));
    }

    @Test
    void returnValuesAreTheJdks() {
        TrackedConcurrentHashMap<String, Integer> m = attach(new TrackedConcurrentHashMap<>());
        assertThat(m.put("a", 1)).isNull();
        assertThat(m.put("a", 2)).isEqualTo(1);
        assertThat(m.putIfAbsent("a", 3)).isEqualTo(2);
        assertThat(m.putIfAbsent("b", 3)).isNull();
        assertThat(m.replace("b", 4)).isEqualTo(3);
        assertThat(m.replace("zz", 4)).isNull();
        assertThat(m.replace("b", 4, 5)).isTrue();
        assertThat(m.replace("b", 4, 5)).isFalse();
        assertThat(m.remove("b", 4)).isFalse();
        assertThat(m.remove("b", 5)).isTrue();
        assertThat(m.remove("a")).isEqualTo(2);
        assertThat(m.remove("a")).isNull();
        assertThat(m.computeIfAbsent("c", k -> 6)).isEqualTo(6);
        assertThat(m.computeIfAbsent("c", k -> 7)).isEqualTo(6);
        assertThat(m.merge("c", 1, Integer::sum)).isEqualTo(7);
        assertThat(m.entrySet().add(Map.entry("d", 8))).isTrue();
        assertThat(m.entrySet().add(Map.entry("d", 9))).isFalse();
        assertReplays(m, new ConcurrentHashMap<>());
    }

    @Test
    void keySetRemoveAndClearAreLogged() {
        TrackedConcurrentHashMap<String, Integer> m = attach(new TrackedConcurrentHashMap<>());
        for (int i = 0; i < 10; i++) {
            m.put("k" + i, i);
        }
        m.keySet().remove("k1");
        m.keySet().removeAll(List.of("k2", "k3"));
        m.keySet(0).remove("k4");
        assertReplays(m, new ConcurrentHashMap<>());
        journal.clear();
        m.keySet().clear();
        assertThat(m).isEmpty();
        assertThat(journal.ops()).hasSize(6);
    }

    /**
     * Threads hammer a few keys with every kind of write, in rounds. After each round, replaying
     * the log must give the map's content: each key's records are in the order of its writes in
     * memory. The journal sometimes yields before appending, to widen any window between a
     * write and its record.
     */
    @Test
    void concurrentWritersOfTheSameKeysLogInMemoryOrder() throws Exception {
        journal = new RecordingJournal(true);
        Hooks.install(journal);
        TrackedConcurrentHashMap<Integer, Integer> m = attach(new TrackedConcurrentHashMap<>());
        ConcurrentHashMap<Integer, Integer> replayed = new ConcurrentHashMap<>();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int applied = 0;
            for (int round = 0; round < 150; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Random r = new Random(round * 31L + t);
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 300; i++) {
                            write(m, r);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(1, TimeUnit.MINUTES);
                }
                List<RecordingJournal.Op> ops = journal.ops();
                for (RecordingJournal.Op op : ops.subList(applied, ops.size())) {
                    CollectionReplay.apply(replayed, op.op(), op.index(), op.a(), op.b());
                }
                applied = ops.size();
                assertThat(replayed).as("after round %d", round).isEqualTo(m);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void write(Map<Integer, Integer> m, Random r) {
        int k = r.nextInt(3);
        int v = r.nextInt(1000);
        switch (r.nextInt(12)) {
            case 0 -> m.put(k, v);
            case 1 -> m.remove(k);
            case 2 -> m.merge(k, v, Integer::sum);
            case 3 -> m.compute(k, (key, old) -> old == null ? Integer.valueOf(v) : (old % 7 == 0 ? null : old + 1));
            case 4 -> m.computeIfAbsent(k, key -> v);
            case 5 -> m.computeIfPresent(k, (key, old) -> old + v);
            case 6 -> m.putIfAbsent(k, v);
            case 7 -> m.replace(k, v);
            case 8 -> m.replace(k, v, v + 1);
            case 9 -> m.remove(k, v);
            case 10 -> m.entrySet().forEach(e -> {
                if (e.getKey() == k) {
                    e.setValue(v);
                }
            });
            default -> m.replaceAll((key, old) -> key == k ? old + 1 : old);
        }
    }

    @Test
    void clearRacingWithPutsStaysExact() throws Exception {
        journal = new RecordingJournal(true);
        Hooks.install(journal);
        TrackedConcurrentHashMap<Integer, Integer> m = attach(new TrackedConcurrentHashMap<>());
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 200; i++) {
                m.put(i, i);
            }
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    m.put(i, -i);
                }
            });
            writer.start();
            m.clear();
            writer.join();
        }
        ConcurrentHashMap<Integer, Integer> replayed = new ConcurrentHashMap<>();
        for (RecordingJournal.Op op : journal.ops()) {
            CollectionReplay.apply(replayed, op.op(), op.index(), op.a(), op.b());
        }
        assertThat(replayed).isEqualTo(m);
    }
}
