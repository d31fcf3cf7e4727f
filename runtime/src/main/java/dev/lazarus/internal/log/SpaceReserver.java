package dev.lazarus.internal.log;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Allocates a cycle file's disk blocks ahead of Chronicle's writer, so that a full file system is
 * an {@link IOException} here, before a record is written, and not a fault in the mapped memory.
 * Such a fault is asynchronous: the JVM skips the faulting store and raises an
 * {@code InternalError} at its next safepoint check, which in compiled code can come after the
 * append has returned (FullDiskIT saw it in the application's frame, one run in four). Then the
 * append would look successful, and the log would not know it had stopped.
 *
 * <p>The region ahead is written with zeros through an ordinary {@code pwrite} (the page cache is
 * shared with the mapping), in chunks, under the append lock: Chronicle writes nothing beyond its
 * write position (its indexes are documents in the stream), so those bytes are zeros already. The
 * first page of each chunk is read first and the chunk left alone if it is not zero: the log is
 * dense from the start of the file, so a position behind the real one would land in data there.
 * The first record of a new cycle file is not covered: Chronicle creates and writes the file inside
 * that append. Cost, measured: within noise of the write path before it (one comparison per
 * document; the copy of the zeros once per MiB of log).
 */
final class SpaceReserver implements AutoCloseable {
    /** Reserve again when less than this lies reserved beyond the record (Chronicle may add an index document). */
    private static final long SLACK = 256 << 10;
    private static final int CHUNK = 1 << 20;
    /** Small enough to stay in the CPU cache while it is copied over and over. */
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(64 << 10);
    private final ByteBuffer check = ByteBuffer.allocateDirect(4096);

    private int cycle = Integer.MIN_VALUE;
    private long reservedEnd;
    private FileChannel channel;

    /**
     * Under the append lock: a document of {@code len} bytes is about to be written at {@code at} in
     * the file of {@code cycle} ({@code file} is asked only when the cycle changed).
     */
    void ensure(int cycle, long at, int len, Supplier<File> file) throws IOException {
        if (cycle == this.cycle && at + len + SLACK <= reservedEnd) {
            return;
        }
        reserve(cycle, at, len, file);
    }

    private void reserve(int cycle, long at, int len, Supplier<File> file) throws IOException {
        boolean interrupted = Thread.interrupted(); // an application thread's interrupt would close the channel
        try {
            reserveUninterrupted(cycle, at, len, file);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reserveUninterrupted(int cycle, long at, int len, Supplier<File> file) throws IOException {
        if (cycle != this.cycle) {
            close();
            channel = FileChannel.open(file.get().toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.cycle = cycle;
            reservedEnd = 0;
        }
        long p = Math.max(reservedEnd, at);
        long to = at + len + SLACK + CHUNK;
        for (; p < to; p += CHUNK) {
            if (!allZero(p)) {
                continue; // not what Chronicle leaves ahead of its writer: never overwrite it
            }
            for (long q = p; q < p + CHUNK; ) {
                zeros.clear();
                q += channel.write(zeros, q);
            }
        }
        reservedEnd = p;
    }

    private boolean allZero(long p) throws IOException {
        check.clear();
        while (check.hasRemaining() && channel.read(check, p + check.position()) > 0) {
            // a read past the end of the file returns -1: the rest is zeros
        }
        check.flip();
        while (check.remaining() >= 8) {
            if (check.getLong() != 0) {
                return false;
            }
        }
        while (check.hasRemaining()) {
            if (check.get() != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        cycle = Integer.MIN_VALUE;
    }
}
