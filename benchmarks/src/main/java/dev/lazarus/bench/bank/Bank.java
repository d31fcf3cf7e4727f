package dev.lazarus.bench.bank;

/**
 * The bank workload of the peer comparison: {@code n} accounts with the same opening balance,
 * random transfers between two of them. Every implementation keeps the same invariant (money is
 * neither created nor destroyed, a transfer that would overdraw is refused) and makes each transfer
 * durable the way its tool's documentation recommends, with or without forcing to disk.
 */
public interface Bank extends AutoCloseable {
    long OPENING_BALANCE = 1_000_000;

    /** Moves {@code amount} from one account to another; returns once it is as durable as the tool's mode makes it. */
    void transfer(int from, int to, long amount) throws Exception;

    /** The sum of all balances (a check, run once after the measurement). */
    long total() throws Exception;

    /** What a transfer survives, in a few words, for the results table. */
    String durability();

    @Override
    void close() throws Exception;
}
