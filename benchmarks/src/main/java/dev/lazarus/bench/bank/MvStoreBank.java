package dev.lazarus.bench.bank;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;

/**
 * H2's MVStore 2.3.232: a persistent map of balances; a transfer is two puts and a
 * {@code commit()} (which writes the changed pages as a new chunk), plus {@code sync()} to force
 * the file when forcing.
 */
final class MvStoreBank implements Bank {
    private final MVStore store;
    private final MVMap<Integer, Long> balances;
    private final boolean sync;

    MvStoreBank(int accounts, boolean sync, Path dir) {
        this.sync = sync;
        store = new MVStore.Builder().fileName(dir.resolve("bank.mv.db").toString()).open();
        balances = store.openMap("balances");
        for (int i = 0; i < accounts; i++) {
            balances.put(i, OPENING_BALANCE);
        }
        store.commit();
        store.sync();
    }

    @Override
    public void transfer(int from, int to, long amount) {
        long a = balances.get(from);
        if (a < amount) {
            return;
        }
        balances.put(from, a - amount);
        balances.put(to, balances.get(to) + amount);
        store.commit();
        if (sync) {
            store.sync();
        }
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
        return sync ? "commit + sync (fsync) per transfer" : "commit (write) per transfer, not forced";
    }

    @Override
    public void close() {
        store.close();
    }
}
