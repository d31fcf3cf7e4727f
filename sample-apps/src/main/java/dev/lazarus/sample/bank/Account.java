package dev.lazarus.sample.bank;

import dev.lazarus.Durable;

/** One account. Plain fields: Lazarus logs every write to them. */
@Durable
public class Account {
    private final String owner;
    private long balance;
    private int transfers;

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public String owner() {
        return owner;
    }

    public long balance() {
        return balance;
    }

    public int transfers() {
        return transfers;
    }

    void add(long amount) {
        balance += amount;
        transfers++;
    }
}
