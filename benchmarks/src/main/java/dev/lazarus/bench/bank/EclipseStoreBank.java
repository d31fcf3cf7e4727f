package dev.lazarus.bench.bank;

import org.eclipse.store.storage.embedded.types.EmbeddedStorage;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * EclipseStore 2.1.0, as its documentation has it: plain Java objects under a root; after a change,
 * store the objects that changed — here both accounts, in one {@code storeAll} (one commit).
 * Its NIO file system writes each commit with {@code FileChannel.write} and never forces it (2.1.0:
 * no call to {@code force} anywhere in storage, afs or afs-nio; forcing arrived later, in
 * eclipse-store/store pull request 751), so it has no "forced" mode to measure.
 */
final class EclipseStoreBank implements Bank {
    /** The root. */
    public static final class Root {
        final Map<Integer, Account> accounts = new HashMap<>();
    }

    public static final class Account {
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    private final Root root = new Root();
    private final EmbeddedStorageManager storage;

    EclipseStoreBank(int accounts, Path dir) {
        for (int i = 0; i < accounts; i++) {
            root.accounts.put(i, new Account(OPENING_BALANCE));
        }
        storage = EmbeddedStorage.start(root, dir.resolve("eclipsestore"));
        storage.storeRoot();
    }

    @Override
    public void transfer(int from, int to, long amount) {
        Account a = root.accounts.get(from);
        Account b = root.accounts.get(to);
        if (a.balance < amount) {
            return;
        }
        a.balance -= amount;
        b.balance += amount;
        storage.storeAll(a, b);
    }

    @Override
    public long total() {
        return root.accounts.values().stream().mapToLong(a -> a.balance).sum();
    }

    @Override
    public String durability() {
        return "written per commit, never forced (2.1.0)";
    }

    @Override
    public void close() {
        storage.shutdown();
    }
}
