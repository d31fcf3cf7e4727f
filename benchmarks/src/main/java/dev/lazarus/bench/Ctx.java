package dev.lazarus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What every section of a run needs: the mode, the agent, where to write, and progress output. */
public final class Ctx {
    final boolean quick;
    final boolean profile;
    final Path agent;
    final Path results;
    final Path logs;
    final Path work;
    /** Per section, the only parts of it to run ({@code --bank=lazarus/force}, {@code --snapshot=pause}); none: all. */
    final Map<String, Set<String>> parts = new TreeMap<>();
    /** The name of the report files: {@code <report>.md}, {@code .csv}, {@code .png}. */
    String report = "benchmarks";
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

    /** The parts of {@code section} chosen on the command line; empty: the section's own default. */
    Set<String> parts(String section) {
        return parts.getOrDefault(section, Set.of());
    }

    /** A report file of this run: {@code result(".md")} is {@code <results>/<report>.md}. */
    Path result(String extension) {
        return results.resolve(report + extension);
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
