package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.hook.Tracked;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.log.SyncMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class whose no-arg constructor throws (a guard: "use new Fragile(name)") must not lock the
 * application out of its data after a restart: recovery creates its objects without the constructor.
 * Before, recovery refused at the root, and the application could not start at all.
 */
class ThrowingConstructorTest {
    /** Written by hand the way the agent rewrites a tracked class (see RoundTripNode). */
    static final class Fragile implements Tracked {
        static int guardsTripped;
        transient long $lz$oid;
        String name;

        Fragile() {
            guardsTripped++;
            throw new IllegalStateException("use new Fragile(name)");
        }

        Fragile(String name) {
            this.name = name;
        }

        @Override
        public long $lz$oid() {
            return $lz$oid;
        }

        @Override
        public void $lz$oid(long oid) {
            $lz$oid = oid;
        }
    }

    @TempDir
    Path dir;

    @AfterEach
    void uninstall() {
        Hooks.install(Journal.OFF);
    }

    private <T> T run(Function<Engine, T> body) throws Exception {
        Path log = Files.createDirectories(dir.resolve("log"));
        Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
        Engine engine = new Engine(RedoLog.open(log, SyncMode.NONE, 1000), EngineSettings.forTests(snapshots));
        Hooks.install(engine);
        try {
            return body.apply(engine);
        } finally {
            engine.close();
            Hooks.install(Journal.OFF);
        }
    }

    @Test
    void objectsOfAClassWhoseConstructorThrowsAreRecoveredWithoutIt_fromTheLogAndFromASnapshot() throws Exception {
        run(e -> e.root(new Fragile("first"), ThrowingConstructorTest.class, "root"));
        Object fromLog = run(e -> {
            Object recovered = e.root(new Fragile("fresh"), ThrowingConstructorTest.class, "root");
            e.checkpoint(); // the snapshot's shadow graph builds it again
            return recovered;
        });
        assertThat(fromLog).isInstanceOf(Fragile.class);
        assertThat(((Fragile) fromLog).name).isEqualTo("first");
        Object fromSnapshot = run(e -> e.root(new Fragile("fresh"), ThrowingConstructorTest.class, "root"));
        assertThat(((Fragile) fromSnapshot).name).isEqualTo("first");
        assertThat(Fragile.guardsTripped).as("the constructor is tried once, then left alone").isEqualTo(1);
    }
}
