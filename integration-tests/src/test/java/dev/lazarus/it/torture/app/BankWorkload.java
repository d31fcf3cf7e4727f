package dev.lazarus.it.torture.app;

import dev.lazarus.Durable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Transfers between accounts, under four kinds of locking (see {@link TortureBank}), each one an
 * {@code @Atomic} method that also records the thread's step number. The check is exact: each
 * account's balance and version must equal what steps {@code 1..recovered[t]} of every thread give
 * (sums commute, so this holds for every serial order), money is conserved, and the last transfers
 * each account remembers must fit one serial order of the steps that agrees with each thread's own
 * order (the precedence graph they give has no cycle).
 */
final class BankWorkload implements Workload {
    @Durable
    static TortureBank bank = new TortureBank();

    private final long seed;
    private int threads;

    BankWorkload(long seed) {
        this.seed = seed;
    }

    /** What step (t, s) does. */
    private record Transfer(int group, int from, int to, long amount) {
    }

    private Transfer transfer(int t, long s) {
        SplittableRandom r = Steps.random(seed, t, s);
        int group = r.nextInt(4);
        int base;
        int size;
        switch (group) {
            case 0 -> {
                base = t * TortureBank.OWN;
                size = TortureBank.OWN;
            }
            case 1 -> {
                base = threads * TortureBank.OWN;
                size = TortureBank.LOCKED;
            }
            case 2 -> {
                base = threads * TortureBank.OWN + TortureBank.LOCKED;
                size = TortureBank.MONITORED;
            }
            default -> {
                base = threads * TortureBank.OWN + TortureBank.LOCKED + TortureBank.MONITORED;
                size = TortureBank.BANKED;
            }
        }
        int from = r.nextInt(size);
        int to = (from + 1 + r.nextInt(size - 1)) % size;
        return new Transfer(group, base + from, base + to, 1 + r.nextInt(100));
    }

    @Override
    public void open(int threads) {
        this.threads = threads;
        if (!bank.isOpen()) {
            bank.open(threads);
        }
        if (bank.tellers.length != threads) {
            throw new IllegalStateException("the bank was opened for " + bank.tellers.length + " threads, not " + threads);
        }
    }

    @Override
    public long recovered(int thread) {
        return bank.tellers[thread].seq;
    }

    @Override
    public void step(int thread, long seq) {
        Transfer x = transfer(thread, seq);
        Account from = bank.accounts[x.from];
        Account to = bank.accounts[x.to];
        Teller teller = bank.tellers[thread];
        switch (x.group) {
            case 0 -> bank.own(teller, from, to, x.amount, seq);
            case 1 -> bank.locked(teller, from, to, x.amount, seq);
            case 2 -> bank.monitored(teller, from, to, x.amount, seq);
            default -> bank.banked(teller, from, to, x.amount, seq);
        }
    }

    @Override
    public List<String> verify(long[] recovered) {
        List<String> problems = new ArrayList<>();
        Account[] accounts = bank.accounts;
        int n = accounts.length;
        long[] balance = new long[n];
        long[] version = new long[n];
        java.util.Arrays.fill(balance, TortureBank.INITIAL);
        List<ArrayDeque<Long>> ownWindows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ownWindows.add(new ArrayDeque<>());
        }
        for (int t = 0; t < threads; t++) {
            for (long s = 1; s <= recovered[t]; s++) {
                Transfer x = transfer(t, s);
                balance[x.from] -= x.amount;
                balance[x.to] += x.amount;
                version[x.from]++;
                version[x.to]++;
                if (x.group == 0) {
                    for (int a : new int[] {x.from, x.to}) {
                        ownWindows.get(a).addLast(Steps.tag(t, s));
                        if (ownWindows.get(a).size() > Account.WINDOW) {
                            ownWindows.get(a).removeFirst();
                        }
                    }
                }
            }
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            Account a = accounts[i];
            total += a.balance;
            if (a.id != i) {
                problems.add("account at " + i + " has id " + a.id);
            }
            if (a.balance != balance[i] || a.version != version[i]) {
                problems.add("account " + i + ": balance " + a.balance + " version " + a.version + ", expected "
                        + balance[i] + " and " + version[i] + " from the recovered steps");
            }
            if (a.recent.size() != Math.min(Account.WINDOW, a.version)) {
                problems.add("account " + i + ": " + a.recent.size() + " recent transfers for version " + a.version);
            }
            if (i < threads * TortureBank.OWN && !new ArrayList<>(a.recent).equals(new ArrayList<>(ownWindows.get(i)))) {
                problems.add("own account " + i + ": recent " + a.recent + ", expected " + ownWindows.get(i));
            }
        }
        if (total != (long) n * TortureBank.INITIAL) {
            problems.add("money not conserved: " + total + " instead of " + (long) n * TortureBank.INITIAL);
        }
        if (problems.isEmpty()) {
            checkSerialOrder(accounts, recovered, problems);
        }
        return problems;
    }

    /** The transfers remembered by the accounts fit one serial order that keeps each thread's order. */
    private void checkSerialOrder(Account[] accounts, long[] recovered, List<String> problems) {
        Map<Long, Set<Long>> after = new HashMap<>(); // edges: tag -> tags that must come later
        Map<Integer, TreeMap<Long, Long>> byThread = new HashMap<>();
        for (Account a : accounts) {
            Long previous = null;
            for (Long tag : a.recent) {
                int t = Steps.thread(tag);
                long s = Steps.seq(tag);
                if (t >= threads || s < 1 || s > recovered[t]) {
                    problems.add("account " + a.id + " remembers transfer " + t + "/" + s + ", which was not recovered");
                    return;
                }
                Transfer x = transfer(t, s);
                if (x.from != a.id && x.to != a.id) {
                    problems.add("account " + a.id + " remembers transfer " + t + "/" + s + ", which moved " + x.from
                            + " -> " + x.to);
                    return;
                }
                after.computeIfAbsent(tag, k -> new HashSet<>());
                byThread.computeIfAbsent(t, k -> new TreeMap<>()).put(s, tag);
                if (previous != null) {
                    after.get(previous).add(tag);
                }
                previous = tag;
            }
        }
        for (TreeMap<Long, Long> steps : byThread.values()) { // each thread's own order
            Long previous = null;
            for (Long tag : steps.values()) {
                if (previous != null) {
                    after.get(previous).add(tag);
                }
                previous = tag;
            }
        }
        for (Account a : accounts) { // a transfer an account no longer remembers came before all it does
            if (a.recent.size() < Account.WINDOW) {
                continue;
            }
            Long first = a.recent.peekFirst();
            for (Long tag : after.keySet()) {
                Transfer x = transfer(Steps.thread(tag), Steps.seq(tag));
                if ((x.from == a.id || x.to == a.id) && !a.recent.contains(tag)) {
                    after.get(tag).add(first);
                }
            }
        }
        Map<Long, Integer> incoming = new HashMap<>();
        after.keySet().forEach(k -> incoming.put(k, 0));
        after.values().forEach(vs -> vs.forEach(v -> incoming.merge(v, 1, Integer::sum)));
        ArrayDeque<Long> ready = new ArrayDeque<>();
        incoming.forEach((k, v) -> {
            if (v == 0) {
                ready.add(k);
            }
        });
        int sorted = 0;
        while (!ready.isEmpty()) {
            Long k = ready.poll();
            sorted++;
            for (Long v : after.get(k)) {
                if (incoming.merge(v, -1, Integer::sum) == 0) {
                    ready.add(v);
                }
            }
        }
        if (sorted != after.size()) {
            problems.add("the transfers the accounts remember fit no serial order (" + (after.size() - sorted)
                    + " of " + after.size() + " on a cycle)");
        }
    }
}
