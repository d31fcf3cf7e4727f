package dev.lazarus.bench.bank;

import dev.lazarus.Durable;

/** An account of the Lazarus bank: a plain object, tracked. */
@Durable
public class LzAccount {
    long balance;

    public LzAccount() {
    }

    LzAccount(long balance) {
        this.balance = balance;
    }
}
