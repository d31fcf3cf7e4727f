package dev.lazarus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every section of a run needs: the mode, the agent, where to write, and progress output. */
public final class Ctx {
    final boolean quick;
    final boolean profile;
    final Path agent;
    final Path results;
    final Path logs;
    final Path work;
    /** Only these bank configurations ("tool/durability"), or all when empty. */
    final java.util.Set<String> bankOnly = new java.util.TreeSet<>();
    private final long start = System.nanoTime();
    /** The machine, described at the start (the work directory is gone by the end). */
    String machine;

    Ctx(boolean quick, boolean profile, Path agent, Path results, Path logs, Path work) {
        this.quick = quick;
        this.profile = profile;
        this.agent = agent;
        this.results = results;
        this.logs = logs;
        this.work = work;
        try {
            Files.createDirectories(results);
            Files.createDirectories(logs);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line on stdout, stamped with the time since the run started. */
    void progress(String line) {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("[%2d:%02d] %s%n", s / 60, s % 60, line);
        System.out.flush();
    }

    /** A fresh directory under the work directory. */
    Path freshDir(String prefix) {
        try {
            return Files.createTempDirectory(work, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
