package dev.lazarus.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** File helpers. */
public final class Files2 {
    private Files2() {
    }

    /** Deletes a directory tree, quietly (a benchmark's leftovers must not fail the run). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    /** Bytes of the regular files under {@code dir} (their length, not their allocated blocks). */
    public static long size(Path dir) {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * KiB of disk that {@code du -sk} says {@code p} takes: allocated blocks, not lengths (Chronicle's
     * files are sparse). 0 if it does not exist; -1 if a file vanished under {@code du}.
     */
    public static long duKib(Path p) {
        if (!Files.exists(p)) {
            return 0;
        }
        try {
            Process proc = new ProcessBuilder("du", "-sk", p.toString()).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes());
            proc.waitFor();
            return Long.parseLong(out.trim().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The files directly in {@code dir} whose name ends with {@code suffix}. */
    public static long count(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        } catch (IOException e) {
            return 0; // a file vanished while listed: the next sample counts again
        }
    }

    /** The directory that benchmarks put their files in: {@code -Dbench.dir} (set per fork), or a new temp dir. */
    public static Path benchDir() {
        String d = System.getProperty("bench.dir");
        try {
            return d != null ? Path.of(d) : Files.createTempDirectory("lazarus-bench");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
