package dev.lazarus.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class whose no-arg constructor throws (a guard: "use new Fragile(name)") must not lock the
 * application out of its data after a restart: recovery creates its objects without the constructor.
 * Before, recovery refused at the root, and the application could not start at all.
 */
class ThrowingConstructorTest {
    /** Written by hand the way the agent rewrites a tracked class (see RoundTripNode). */
    static final class Fragile extends TrackedByHand {
        static int guardsTripped;
        String name;

        Fragile() {
            guardsTripped++;
            throw new IllegalStateException("use new Fragile(name)");
        }

        Fragile(String name) {
            this.name = name;
        }
    }

    @TempDir
    Path dir;

    @Test
    void objectsOfAClassWhoseConstructorThrowsAreRecoveredWithoutIt_fromTheLogAndFromASnapshot() throws Exception {
        InProcessEngine.run(dir, e -> e.root(new Fragile("first"), ThrowingConstructorTest.class, "root"));
        Object fromLog = InProcessEngine.run(dir, e -> {
            Object recovered = e.root(new Fragile("fresh"), ThrowingConstructorTest.class, "root");
            e.checkpoint(); // the snapshot's shadow graph builds it again
            return recovered;
        });
        assertThat(fromLog).isInstanceOf(Fragile.class);
        assertThat(((Fragile) fromLog).name).isEqualTo("first");
        Object fromSnapshot = InProcessEngine.run(dir,
                e -> e.root(new Fragile("fresh"), ThrowingConstructorTest.class, "root"));
        assertThat(((Fragile) fromSnapshot).name).isEqualTo("first");
        assertThat(Fragile.guardsTripped).as("the constructor is tried once, then left alone").isEqualTo(1);
    }
}
