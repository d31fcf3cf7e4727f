package dev.lazarus.sample.bank;

import dev.lazarus.Durable;
import dev.lazarus.Lazarus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bank demo. Opens accounts on the first run, then runs random transfers from several
 * tellers (threads) and prints an acknowledgement after each transfer returns. Kill it with
 * {@code kill -9} at any moment and start it again: the state is back, money is conserved, and
 * every acknowledged transfer is in it.
 *
 * <pre>
 * java -javaagent:lazarus-agent.jar=dir=bank-state -cp lazarus-sample-apps.jar dev.lazarus.sample.bank.BankApp \
 *      [--accounts N] [--tellers T] [--transfers K per teller, -1 = until killed] [--quiet] [--check]
 * </pre>
 */
public class BankApp {
    static final long INITIAL_BALANCE = 1_000;

    @Durable
    static Bank bank = new Bank();

    public static void main(String[] args) throws InterruptedException {
        int accounts = intArg(args, "--accounts", 100);
        int tellers = intArg(args, "--tellers", 4);
        long transfers = intArg(args, "--transfers", -1);
        boolean quiet = has(args, "--quiet");

        if (bank.size() == 0) {
            bank.open(accounts, INITIAL_BALANCE);
            System.out.println("opened " + accounts + " accounts of " + INITIAL_BALANCE);
        }
        long expected = (long) bank.size() * INITIAL_BALANCE;
        Map<String, Long> last = bank.lastTransferByTeller();
        System.out.println("STATE accounts=" + bank.size() + " total=" + bank.total() + " expected=" + expected
                + " transfers=" + bank.transfers() + " tellers=" + last);
        System.out.println(bank.total() == expected ? "money conserved" : "MONEY NOT CONSERVED");
        System.out.println("agent active: " + Lazarus.isActive());
        if (has(args, "--check")) {
            return;
        }
        System.out.flush();

        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < tellers; t++) {
            String teller = "teller-" + t;
            long start = last.getOrDefault(teller, 0L);
            Thread thread = new Thread(() -> run(teller, start, transfers, quiet), teller);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("DONE total=" + bank.total() + " transfers=" + bank.transfers());
    }

    private static void run(String teller, long start, long count, boolean quiet) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = bank.size();
        for (long i = start + 1; count < 0 || i <= start + count; i++) {
            String from = "acct-" + random.nextInt(n);
            String to = "acct-" + random.nextInt(n);
            long amount = 1 + random.nextInt(50);
            bank.transfer(teller, i, from, to, amount);
            if (!quiet) {
                // printed only after transfer() returned: an acknowledged transfer
                synchronized (System.out) {
                    System.out.println("ACK " + teller + " " + i);
                }
            }
        }
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return def;
    }

    private static boolean has(String[] args, String name) {
        for (String a : args) {
            if (a.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
