package dev.lazarus.it.torture.app;

import dev.lazarus.Durable;
import dev.lazarus.Lazarus;

import java.util.concurrent.CountDownLatch;

/**
 * Scripted transactions left open by {@code kill -9} (driven by {@code ConcurrencyIT}). Prints the
 * recovered {@code STATE a b deposits unguarded}, then runs one scenario and prints {@code READY}:
 * <ul>
 *   <li>{@code released}: a transaction moves 5 and releases its lock but has not returned; another
 *       deposits 1 (overwriting {@code b}) and commits;</li>
 *   <li>{@code holding}: a transaction moves 5 and waits, still holding its lock; an unguarded
 *       field is written meanwhile;</li>
 *   <li>{@code deposits:N}: N deposits of 1, then {@code Lazarus.checkpoint()};</li>
 *   <li>{@code check}: exits after the state.</li>
 * </ul>
 */
public final class PairApp {
    @Durable
    static Pair pair = new Pair();

    private PairApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("STATE " + pair.a + " " + pair.b + " " + pair.deposits + " " + pair.unguarded);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        String[] p = args[0].split(":");
        switch (p[0]) {
            case "released" -> {
                background(() -> pair.moveThenWait(5, started, never));
                started.await();
                pair.deposit(1);
            }
            case "holding" -> {
                background(() -> pair.moveHolding(5, started, never));
                started.await();
                pair.unguarded = 42;
            }
            case "deposits" -> {
                for (int i = Integer.parseInt(p[1]); i > 0; i--) {
                    pair.deposit(1);
                }
                Lazarus.checkpoint();
            }
            case "check" -> {
                return;
            }
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
        System.out.println("READY");
        System.out.flush();
        never.await();
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void background(Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "open-transaction");
        t.setDaemon(true);
        t.start();
    }
}
