package dev.lazarus.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine in process, over a real log and snapshots: instance roots through three runs. Root
 * values are strings (recovered as values), the instances plain objects.
 */
class InstanceRootRecoveryTest {
    /** Holds one keyed root, {@code store}, keyed by {@code name}. */
    static final class Shard {
        final String name;

        Shard(String name) {
            this.name = name;
        }
    }

    /** Holds one unkeyed instance root, {@code store}. */
    static final class Single {
    }

    @TempDir
    Path dir;

    private <T> T run(Function<Engine, T> body) throws Exception {
        return InProcessEngine.run(dir, body);
    }

    private static Object keyed(Engine e, Shard s, String value) {
        return e.instanceRoot(s, value, Shard.class, "store", "name");
    }

    @Test
    void eachKeyedInstanceGetsItsOwnStateBack_inAnyOrder_absentOnesKept_newOnesAdded() throws Exception {
        run(e -> {
            assertThat(keyed(e, new Shard("a"), "state of a")).isEqualTo("state of a");
            assertThat(keyed(e, new Shard("b"), "state of b")).isEqualTo("state of b");
            assertThat(keyed(e, new Shard("c"), "state of c")).isEqualTo("state of c");
            return null;
        });
        run(e -> {
            // another order, b absent, d new; then a snapshot, so the third run reads b from it
            assertThat(keyed(e, new Shard("c"), "fresh")).isEqualTo("state of c");
            assertThat(keyed(e, new Shard("d"), "state of d")).isEqualTo("state of d");
            Shard a = new Shard("a");
            assertThat(keyed(e, a, "fresh")).isEqualTo("state of a");
            assertThat(keyed(e, a, "a again")).as("the same instance: an ordinary write").isEqualTo("a again");
            e.checkpoint();
            return null;
        });
        run(e -> {
            assertThat(keyed(e, new Shard("d"), "fresh")).isEqualTo("state of d");
            assertThat(keyed(e, new Shard("b"), "fresh")).isEqualTo("state of b");
            assertThat(keyed(e, new Shard("a"), "fresh")).isEqualTo("a again");
            assertThat(keyed(e, new Shard("c"), "fresh")).isEqualTo("state of c");
            assertThat(keyed(e, new Shard("e"), "fresh")).isEqualTo("fresh");
            return null;
        });
    }

    @Test
    void aSecondLiveInstanceOfAnUnkeyedRootFailsAndTheFirstKeepsItsState() throws Exception {
        Single first = new Single();
        run(e -> {
            e.instanceRoot(first, "first's state", Single.class, "store", null);
            assertThatThrownBy(() -> e.instanceRoot(new Single(), "second's state", Single.class, "store", null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Single.class.getName() + ".store")
                    .hasMessageContaining("@Durable(key = ");
            return null;
        });
        run(e -> {
            assertThat(e.instanceRoot(new Single(), "fresh", Single.class, "store", null)).isEqualTo("first's state");
            return null;
        });
    }

    @Test
    void twoLiveInstancesWithOneKeyFailAndTheFirstKeepsItsState() throws Exception {
        Shard first = new Shard("a");
        run(e -> {
            keyed(e, first, "first's state");
            assertThatThrownBy(() -> keyed(e, new Shard("a"), "second's state")).hasMessageContaining("same key");
            return null;
        });
        run(e -> {
            assertThat(keyed(e, new Shard("a"), "fresh")).isEqualTo("first's state");
            return null;
        });
    }
}
