package dev.lazarus.bench.bank;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.HashMap;
import java.util.Map;

/** The bank as a Lazarus user writes it (README, DESIGN §1): plain Java, {@code @Atomic} transfers. */
@Durable
public class LzBank {
    final Map<Integer, LzAccount> accounts = new HashMap<>(); // created here: tracked

    /** Opens accounts [from, to): one transaction per batch. */
    @Atomic
    public synchronized void open(int from, int to, long balance) {
        for (int i = from; i < to; i++) {
            accounts.put(i, new LzAccount(balance));
        }
    }

    @Atomic
    public synchronized void transfer(int from, int to, long amount) {
        LzAccount a = accounts.get(from);
        LzAccount b = accounts.get(to);
        if (a.balance < amount) {
            return;
        }
        a.balance -= amount;
        b.balance += amount;
    }

    public synchronized long total() {
        long sum = 0;
        for (LzAccount a : accounts.values()) {
            sum += a.balance;
        }
        return sum;
    }
}
