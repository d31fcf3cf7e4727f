package dev.lazarus.bench.bank;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The textbook approach: the objects in memory, and after each change Java serialization of the
 * objects that changed appended to a file (one write per transfer; {@code reset()} so that a changed
 * object is written again rather than as a back-reference). Forcing: {@code FileDescriptor.sync()}
 * after each transfer. Recovery would load the opening dump and apply the appended objects.
 */
final class NaiveBank implements Bank {
    static final class Account implements Serializable {
        private static final long serialVersionUID = 1L;
        final int id;
        long balance;

        Account(int id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    private final Map<Integer, Account> accounts = new HashMap<>();
    private final FileOutputStream file;
    private final ObjectOutputStream out;
    private final boolean sync;

    NaiveBank(int accounts, boolean sync, Path dir) throws IOException {
        this.sync = sync;
        for (int i = 0; i < accounts; i++) {
            this.accounts.put(i, new Account(i, OPENING_BALANCE));
        }
        file = new FileOutputStream(dir.resolve("bank.ser").toFile(), true);
        out = new ObjectOutputStream(new BufferedOutputStream(file, 1 << 16));
        out.writeObject(this.accounts); // the opening dump
        out.reset();
        out.flush();
        file.getFD().sync();
    }

    @Override
    public void transfer(int from, int to, long amount) throws IOException {
        Account a = accounts.get(from);
        Account b = accounts.get(to);
        if (a.balance < amount) {
            return;
        }
        a.balance -= amount;
        b.balance += amount;
        out.writeObject(a);
        out.writeObject(b);
        out.reset();
        out.flush();
        if (sync) {
            file.getFD().sync();
        }
    }

    @Override
    public long total() {
        return accounts.values().stream().mapToLong(a -> a.balance).sum();
    }

    @Override
    public String durability() {
        return sync ? "write + fsync per transfer" : "write per transfer, not forced";
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
