package dev.lazarus.it.torture;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * When a cycle's {@code kill -9} falls. The file-watching moments wait (through inotify) for the
 * file the engine creates when the moment starts and kill at once: a {@code .tmp} file in
 * {@code snapshots/} (a snapshot is being written), a new {@code .cq4} file in {@code log/}
 * (the log is rolling to a new cycle file, every second with {@code TEST_SECONDLY}), or a new
 * {@code .lzs} file (a snapshot was just renamed into place).
 */
enum KillMoment {
    /** While the JVM starts and recovers, before its verdict. */
    DURING_START,
    /** After a random time of mutations. */
    RANDOM,
    /** While a snapshot is written. */
    DURING_SNAPSHOT,
    /** While the log rolls to a new file. */
    DURING_ROLL,
    /**
     * Soon after a snapshot is complete (while the files it covers are deleted). It also lets the
     * snapshots keep up with a log that short runs keep growing.
     */
    AFTER_SNAPSHOT;

    /** The file a watching moment waits for, or null. */
    WatchedFile watch(Path dataDir) throws IOException {
        return switch (this) {
            case DURING_SNAPSHOT -> new WatchedFile(dataDir.resolve("snapshots"), ".tmp");
            case DURING_ROLL -> new WatchedFile(dataDir.resolve("log"), ".cq4");
            case AFTER_SNAPSHOT -> new WatchedFile(dataDir.resolve("snapshots"), ".lzs");
            default -> null;
        };
    }

    /** Waits for a new file with the suffix to be created in a directory. */
    static final class WatchedFile implements AutoCloseable {
        private final WatchService service;
        private final String suffix;
        private final Path dir;

        WatchedFile(Path dir, String suffix) throws IOException {
            Files.createDirectories(dir);
            this.dir = dir;
            this.suffix = suffix;
            this.service = dir.getFileSystem().newWatchService();
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE);
        }

        /** The name of the first such file created before the timeout, or null. */
        String await(long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    WatchKey key = service.poll(left, TimeUnit.NANOSECONDS);
                    if (key == null) {
                        return null;
                    }
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.context() instanceof Path p && p.toString().endsWith(suffix)) {
                            return p.toString();
                        }
                    }
                    key.reset();
                }
            } catch (ClosedWatchServiceException e) {
                return null;
            }
        }

        boolean stillThere(String name) {
            return Files.exists(dir.resolve(name));
        }

        @Override
        public void close() throws IOException {
            service.close();
        }
    }
}
