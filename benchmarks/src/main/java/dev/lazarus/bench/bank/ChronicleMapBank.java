package dev.lazarus.bench.bank;

import net.openhft.chronicle.map.ChronicleMap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Chronicle Map (the version the Chronicle BOM 2026.15 pins, 2026.1) persisted to a file, as its
 * documentation has it: {@code ChronicleMap.of(...).entries(n).createPersistedTo(file)}; the map
 * lives in a memory mapping of the file, so a put survives a crash of the process (not a power loss:
 * Chronicle Map has no call that forces an update to disk). It has no transactions: a crash between
 * the two puts of a transfer loses or creates money.
 */
final class ChronicleMapBank implements Bank {
    private final ChronicleMap<Integer, Long> balances;

    ChronicleMapBank(int accounts, Path dir) throws IOException {
        balances = ChronicleMap.of(Integer.class, Long.class)
                .name("balances")
                .entries(accounts)
                .createPersistedTo(dir.resolve("balances.cm").toFile());
        for (int i = 0; i < accounts; i++) {
            balances.put(i, OPENING_BALANCE);
        }
    }

    @Override
    public void transfer(int from, int to, long amount) {
        long a = balances.get(from);
        if (a < amount) {
            return;
        }
        balances.put(from, a - amount);
        balances.put(to, balances.get(to) + amount);
    }

    @Override
    public long total() {
        long sum = 0;
        for (Long v : balances.values()) {
            sum += v;
        }
        return sum;
    }

    @Override
    public String durability() {
        return "process crash (mmap), not power loss; no transactions";
    }

    @Override
    public void close() {
        balances.close();
    }
}
