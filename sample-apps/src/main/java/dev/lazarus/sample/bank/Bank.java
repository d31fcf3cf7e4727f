package dev.lazarus.sample.bank;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The bank: accounts by owner, and for each teller the number of its last completed transfer. */
@Durable
public class Bank {
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Long> lastTransferByTeller = new TreeMap<>();

    @Atomic
    public synchronized void open(int count, long initialBalance) {
        for (int i = 0; i < count; i++) {
            String owner = "acct-" + i;
            accounts.put(owner, new Account(owner, initialBalance));
        }
    }

    /** Moves money between two accounts: after a crash, all of it or none of it is back. */
    @Atomic
    public synchronized void transfer(String teller, long number, String from, String to, long amount) {
        Account source = accounts.get(from);
        Account target = accounts.get(to);
        source.add(-amount);
        target.add(amount);
        lastTransferByTeller.put(teller, number);
    }

    public synchronized int size() {
        return accounts.size();
    }

    public synchronized long total() {
        long sum = 0;
        for (Account a : accounts.values()) {
            sum += a.balance();
        }
        return sum;
    }

    public synchronized long transfers() {
        long sum = 0;
        for (Account a : accounts.values()) {
            sum += a.transfers();
        }
        return sum / 2;
    }

    public synchronized Map<String, Long> lastTransferByTeller() {
        return new TreeMap<>(lastTransferByTeller);
    }
}
