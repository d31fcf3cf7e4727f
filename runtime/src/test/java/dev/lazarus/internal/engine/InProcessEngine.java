package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.log.RecordConsumer;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.log.SyncMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * An engine in the test's own JVM, without the agent, over {@code dir/log} and {@code dir/snapshots}
 * (snapshots only when asked): what the tests of the write path and of recovery start from.
 */
final class InProcessEngine {
    private InProcessEngine() {
    }

    /** Opens the engine and installs it as the hooks' journal; the caller closes it and uninstalls. */
    static Engine open(Path dir) throws IOException {
        Path log = Files.createDirectories(dir.resolve("log"));
        Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
        Engine engine = new Engine(RedoLog.open(log, SyncMode.NONE, 1000), EngineSettings.forTests(snapshots));
        Hooks.install(engine);
        return engine;
    }

    /** One run of the application: opens, runs {@code body}, shuts down cleanly, uninstalls. */
    static <T> T run(Path dir, Function<Engine, T> body) throws IOException {
        Engine engine = open(dir);
        try {
            return body.apply(engine);
        } finally {
            engine.close();
            Hooks.install(Journal.OFF);
        }
    }

    /** Reads back every record the log in {@code dir} holds (the engine closed). */
    static void replay(Path dir, RecordConsumer consumer) {
        try (RedoLog log = RedoLog.open(dir.resolve("log"), SyncMode.NONE, 0)) {
            log.replay(consumer);
        }
    }
}
