package dev.lazarus.bench.bank;

import dev.lazarus.Durable;

/** Holds the root of the Lazarus bank (a fresh data directory per fork: it starts empty). */
public class LzRoot {
    @Durable
    static LzBank bank = new LzBank();

    private LzRoot() {
    }
}
