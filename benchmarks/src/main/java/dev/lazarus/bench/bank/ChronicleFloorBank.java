package dev.lazarus.bench.bank;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Not a peer: the floor of Lazarus's own design. The balances in a {@code long[]}, and per transfer
 * one 32-byte document appended to a raw Chronicle Queue (memory-mapped, as the redo log), then,
 * when forcing, an {@code fsync} of the cycle file through a separate descriptor (as the redo log's
 * {@code Syncer} does). Before the measurement the queue receives as many records as Lazarus's log
 * does while the accounts are opened (three per account), so that the file is as large.
 */
final class ChronicleFloorBank implements Bank {
    private final long[] balances;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final boolean force;
    private RandomAccessFile current;
    private File currentFile;
    private long seq;

    ChronicleFloorBank(int accounts, boolean force, Path dir) throws IOException {
        this.force = force;
        balances = new long[accounts];
        java.util.Arrays.fill(balances, OPENING_BALANCE);
        queue = SingleChronicleQueueBuilder.binary(dir.resolve("chronicle-floor")).rollCycle(RollCycles.FIVE_MINUTELY)
                .build();
        appender = queue.createAppender();
        for (long i = 0; i < 3L * accounts; i++) {
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().writeLong(i).writeLong(OPENING_BALANCE).writeInt((int) i);
            }
        }
        sync();
    }

    @Override
    public void transfer(int from, int to, long amount) throws IOException {
        if (balances[from] < amount) {
            return;
        }
        balances[from] -= amount;
        balances[to] += amount;
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().writeLong(from).writeLong(to).writeLong(amount).writeLong(++seq);
        }
        if (force) {
            sync();
        }
    }

    private void sync() throws IOException {
        File f = appender.currentFile();
        if (!f.equals(currentFile)) {
            if (current != null) {
                current.getFD().sync();
                current.close();
            }
            current = new RandomAccessFile(f, "r");
            currentFile = f;
        }
        current.getFD().sync();
    }

    @Override
    public long total() {
        long sum = 0;
        for (long b : balances) {
            sum += b;
        }
        return sum;
    }

    @Override
    public String durability() {
        return force ? "Chronicle append + fsync per transfer" : "Chronicle append, not forced";
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
        appender.close();
        queue.close();
    }
}
