package dev.lazarus.it.torture.app;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Counts the forces of log files reported by the power-loss file system ({@code lossyfs.py}
 * appends one line per completed {@code fsync}), reading only what was appended since last time.
 */
final class ForceWatch {
    private final Path file;
    private long offset;
    private long forces;
    private final StringBuilder partial = new StringBuilder();

    ForceWatch(Path file) {
        this.file = file;
    }

    /** Completed forces of {@code .cq4} files so far. */
    long forces() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length > offset) {
                byte[] b = new byte[(int) (length - offset)];
                raf.seek(offset);
                raf.readFully(b);
                offset = length;
                partial.append(new String(b, StandardCharsets.US_ASCII));
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    if (partial.substring(0, nl).endsWith(".cq4")) {
                        forces++;
                    }
                    partial.delete(0, nl + 1);
                }
            }
        }
        return forces;
    }
}
