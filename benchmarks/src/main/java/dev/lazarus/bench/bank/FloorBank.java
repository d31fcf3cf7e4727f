package dev.lazarus.bench.bank;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Not a peer: the floor of any file-based durable transfer on this machine. The balances in a
 * {@code long[]}, and per transfer one 32-byte record (from, to, amount, a sequence number)
 * appended with {@code FileChannel.write}, then {@code force(false)} when forcing.
 */
final class FloorBank implements Bank {
    private final long[] balances;
    private final FileChannel channel;
    private final ByteBuffer record = ByteBuffer.allocateDirect(32);
    private final boolean force;
    private long seq;

    FloorBank(int accounts, boolean force, Path dir) throws IOException {
        this.force = force;
        balances = new long[accounts];
        java.util.Arrays.fill(balances, OPENING_BALANCE);
        channel = FileChannel.open(dir.resolve("floor.log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    @Override
    public void transfer(int from, int to, long amount) throws IOException {
        if (balances[from] < amount) {
            return;
        }
        balances[from] -= amount;
        balances[to] += amount;
        record.clear();
        record.putLong(from).putLong(to).putLong(amount).putLong(++seq).flip();
        while (record.hasRemaining()) {
            channel.write(record);
        }
        if (force) {
            channel.force(false);
        }
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
        return force ? "write + fdatasync per transfer" : "write per transfer, not forced";
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
