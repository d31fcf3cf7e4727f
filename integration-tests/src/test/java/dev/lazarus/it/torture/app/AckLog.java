package dev.lazarus.it.torture.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The acknowledgement record, outside the data directory: one line {@code thread seq} appended
 * (one {@code write} call, which {@code kill -9} cannot tear) after each step returned. After a
 * crash, what it holds is what the application was told had happened.
 */
final class AckLog implements AutoCloseable {
    /** Per thread: the step the previous check started from, and the highest acknowledged since. */
    record Acked(long[] base, long[] max) {
        long count() {
            long n = 0;
            for (int t = 0; t < max.length; t++) {
                n += max[t] - base[t];
            }
            return n;
        }
    }

    private final FileChannel channel;

    private AckLog(FileChannel channel) {
        this.channel = channel;
    }

    /** Reads the record; a missing file means nothing was acknowledged yet. */
    static Acked read(Path file, int threads) throws IOException {
        long[] base = new long[threads];
        long[] max = new long[threads];
        boolean[] seen = new boolean[threads];
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (String line : lines) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] p = line.split(" ");
                int t = Integer.parseInt(p[0]);
                long s = Long.parseLong(p[1]);
                if (!seen[t]) {
                    seen[t] = true;
                    base[t] = s; // the first line of a thread is the baseline written by restart()
                }
                max[t] = Math.max(max[t], s);
            }
        }
        return new Acked(base, max);
    }

    /** Replaces the record by one baseline line per thread (atomically), then opens it for appending. */
    static AckLog restart(Path file, long[] from) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < from.length; t++) {
            b.append(t).append(' ').append(from[t]).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new AckLog(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    void ack(int thread, long seq) throws IOException {
        byte[] line = (thread + " " + seq + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.write(ByteBuffer.wrap(line));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
