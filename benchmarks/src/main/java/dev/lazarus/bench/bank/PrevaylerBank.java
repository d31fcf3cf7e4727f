package dev.lazarus.bench.bank;

import org.prevayler.Prevayler;
import org.prevayler.PrevaylerFactory;
import org.prevayler.Query;
import org.prevayler.Transaction;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Prevayler 2.6, as its documentation has it: a serializable prevalent system, every change a
 * {@link Transaction} object that Prevayler journals (Java serialization) before executing it;
 * {@code configureJournalDiskSync(false | true)} chooses whether each journal write is forced.
 */
final class PrevaylerBank implements Bank {
    /** The prevalent system. */
    static final class System implements Serializable {
        private static final long serialVersionUID = 1L;
        final Map<Integer, Account> accounts = new HashMap<>();
    }

    static final class Account implements Serializable {
        private static final long serialVersionUID = 1L;
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    /** The transaction: deterministic, serializable, applied to the prevalent system. */
    static final class Transfer implements Transaction<System> {
        private static final long serialVersionUID = 1L;
        final int from;
        final int to;
        final long amount;

        Transfer(int from, int to, long amount) {
            this.from = from;
            this.to = to;
            this.amount = amount;
        }

        @Override
        public void executeOn(System s, Date executionTime) {
            Account a = s.accounts.get(from);
            Account b = s.accounts.get(to);
            if (a.balance < amount) {
                return;
            }
            a.balance -= amount;
            b.balance += amount;
        }
    }

    private final Prevayler<System> prevayler;
    private final boolean sync;

    PrevaylerBank(int accounts, boolean sync, Path dir) throws Exception {
        this.sync = sync;
        System s = new System();
        for (int i = 0; i < accounts; i++) {
            s.accounts.put(i, new Account(OPENING_BALANCE));
        }
        PrevaylerFactory<System> f = new PrevaylerFactory<>();
        f.configurePrevalentSystem(s);
        f.configurePrevalenceDirectory(dir.resolve("prevayler").toString());
        f.configureJournalDiskSync(sync);
        prevayler = f.create();
        prevayler.takeSnapshot(); // the opening state on disk, as an app would after a bulk load
    }

    @Override
    public void transfer(int from, int to, long amount) {
        prevayler.execute(new Transfer(from, to, amount));
    }

    @Override
    public long total() throws Exception {
        return prevayler.execute((Query<System, Long>) (s, d) -> s.accounts.values().stream().mapToLong(a -> a.balance).sum());
    }

    @Override
    public String durability() {
        return sync ? "journal fsync per transaction" : "journal written per transaction, not forced";
    }

    @Override
    public void close() throws Exception {
        prevayler.close();
    }
}
