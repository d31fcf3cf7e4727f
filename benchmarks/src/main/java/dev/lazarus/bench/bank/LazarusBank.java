package dev.lazarus.bench.bank;

import dev.lazarus.Lazarus;

/** Lazarus: the state is the Java objects; the agent logs each {@code @Atomic} transfer (sync= none | interval | always). */
final class LazarusBank implements Bank {
    private final LzBank bank;
    private final String sync;

    LazarusBank(int accounts, String sync) {
        if (!Lazarus.isActive()) {
            throw new IllegalStateException("the Lazarus bank needs the agent (sync=" + sync + ")");
        }
        this.sync = sync;
        this.bank = LzRoot.bank;
        for (int i = 0; i < accounts; i += 10_000) {
            bank.open(i, Math.min(accounts, i + 10_000), OPENING_BALANCE);
        }
        Lazarus.awaitDurable();
    }

    @Override
    public void transfer(int from, int to, long amount) {
        bank.transfer(from, to, amount);
    }

    @Override
    public long total() {
        return bank.total();
    }

    @Override
    public String durability() {
        switch (sync) {
            case "always":
                return "fsync per transaction (group commit)";
            case "interval":
                return "process crash; power loss loses ≤ 1 s";
            default:
                return "process crash (mmap), not power loss";
        }
    }

    @Override
    public void close() {
    }
}
