package dev.lazarus.it.apps.snap;

import dev.lazarus.Durable;
import dev.lazarus.Lazarus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A scripted app for the snapshot tests: each argument is one step, run in order.
 *
 * <ul>
 *   <li>{@code fill:N:seed} — N items (only if the store is empty), attached with one write</li>
 *   <li>{@code mutate:K:seed} — K random changes (values, tags, items replaced)</li>
 *   <li>{@code churn:MILLIS:seed[:perSecond]} — random changes for that long (at most perSecond), a
 *       {@code STATUS} line each second, then {@code CHURNED n}</li>
 *   <li>{@code checkpoint} — {@code Lazarus.checkpoint()}, then {@code CHECKPOINTED k} (k-th of this run), or {@code CHECKPOINT-FAILED} with the exception</li>
 *   <li>{@code checkpoint-async} — prints {@code CHECKPOINT-STARTED}, checkpoints on another thread,
 *       which prints {@code CHECKPOINT-DONE}</li>
 *   <li>{@code counter} — a thread that increments {@code store.counter} and prints {@code ACK counter i}
 *       after each write returned</li>
 *   <li>{@code lanes:T:window:pauseEvery} — T threads, each making atomic steps on its own lane (and a
 *       random change every 8 steps); {@code ACK lane-t i} every 100 steps; a 1 ms pause every
 *       pauseEvery steps</li>
 *   <li>{@code print:PREFIX} — {@code PREFIX items=.. sum=.. hash=..} (the exact digest of the items)</li>
 *   <li>{@code status} — {@code STATUS <Lazarus.status()>}</li>
 *   <li>{@code sleep:MS}, {@code ready} (prints READY, waits to be killed), {@code check} (prints the
 *       digest as {@code STATE}, the counter, the lanes, {@code CHECKED}, exits 0)</li>
 * </ul>
 */
public class SnapApp {
    @Durable
    static Store store = new Store();

    public static void main(String[] args) throws Exception {
        say("MAIN agent=" + Lazarus.isActive() + " items=" + store.items.size());
        int checkpoints = 0;
        for (String step : args) {
            String[] p = step.split(":");
            switch (p[0]) {
                case "fill":
                    if (store.items.isEmpty()) {
                        long t0 = System.nanoTime();
                        store.fill(Integer.parseInt(p[1]), Long.parseLong(p[2]));
                        say("FILLED " + store.items.size() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    }
                    break;
                case "mutate": {
                    Random r = new Random(Long.parseLong(p[2]));
                    for (int k = Integer.parseInt(p[1]); k > 0; k--) {
                        store.mutate(r);
                    }
                    break;
                }
                case "churn": {
                    Random r = new Random(Long.parseLong(p[2]));
                    long start = System.nanoTime();
                    long end = start + Long.parseLong(p[1]) * 1_000_000;
                    long perSecond = p.length > 3 ? Long.parseLong(p[3]) : 0;
                    long n = 0;
                    long nextStatus = start + 1_000_000_000L;
                    for (long now = start; now < end; now = System.nanoTime()) {
                        store.mutate(r);
                        n++;
                        if (perSecond > 0 && n % 100 == 0) {
                            long due = start + n * 1_000_000_000L / perSecond;
                            while ((now = System.nanoTime()) < due) {
                                Thread.sleep(Math.max(0, (due - now) / 1_000_000), (int) ((due - now) % 1_000_000));
                            }
                        }
                        if (now >= nextStatus) {
                            say("STATUS " + Lazarus.status());
                            nextStatus += 1_000_000_000L;
                        }
                    }
                    say("CHURNED " + n);
                    break;
                }
                case "checkpoint": {
                    long t0 = System.nanoTime();
                    checkpoints++;
                    if (checkpoint()) {
                        say("CHECKPOINTED " + checkpoints + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    }
                    break;
                }
                case "checkpoint-async": {
                    Thread t = new Thread(() -> {
                        if (checkpoint()) {
                            say("CHECKPOINT-DONE");
                        }
                    }, "app-checkpoint");
                    say("CHECKPOINT-STARTED");
                    t.start();
                    break;
                }
                case "counter": {
                    Thread t = new Thread(() -> {
                        try {
                            for (long i = store.counter + 1; ; i++) {
                                store.counter = i;
                                say("ACK counter " + i);
                                Thread.sleep(1);
                            }
                        } catch (InterruptedException e) {
                            // done
                        }
                    }, "counter");
                    t.setDaemon(true);
                    t.start();
                    break;
                }
                case "lanes":
                    lanes(Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
                    break;
                case "print":
                    say(p[1] + " " + store.digest());
                    break;
                case "status":
                    say("STATUS " + Lazarus.status());
                    break;
                case "sleep":
                    Thread.sleep(Long.parseLong(p[1]));
                    break;
                case "ready":
                    say("READY");
                    Thread.sleep(Long.MAX_VALUE);
                    break;
                case "check": {
                    StringBuilder b = new StringBuilder();
                    b.append("STATE ").append(store.digest()).append('\n');
                    b.append("COUNTER ").append(store.counter).append('\n');
                    for (Map.Entry<String, Lane> e : store.lanes.entrySet()) {
                        b.append("LANE ").append(e.getKey()).append(' ').append(e.getValue().show()).append('\n');
                    }
                    b.append("CHECKED");
                    say(b.toString());
                    System.exit(0);
                    break;
                }
                default:
                    throw new IllegalArgumentException("step " + step);
            }
        }
    }

    private static void lanes(int threads, int window, int pauseEvery) {
        List<Lane> lanes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            lanes.add(store.lane("lane-" + t));
        }
        for (int t = 0; t < threads; t++) {
            String name = "lane-" + t;
            Lane lane = lanes.get(t);
            Random r = new Random(t * 7919L + System.nanoTime());
            Thread thread = new Thread(() -> {
                try {
                    for (long i = lane.count + 1; ; i++) {
                        lane.step(i, window);
                        if (i % 8 == 0) {
                            store.mutate(r);
                        }
                        if (i % 100 == 0) {
                            say("ACK " + name + " " + i);
                        }
                        if (i % pauseEvery == 0) {
                            Thread.sleep(1);
                        }
                    }
                } catch (InterruptedException e) {
                    // done
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * {@code Lazarus.checkpoint()}; if it throws (it should not), prints {@code CHECKPOINT-FAILED} with
     * the exception and goes on, so that a test can check the rest and report that too.
     */
    private static boolean checkpoint() {
        try {
            Lazarus.checkpoint();
            return true;
        } catch (RuntimeException e) {
            java.io.StringWriter w = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(w));
            say("CHECKPOINT-FAILED " + w.toString().replace("\n", " | "));
            return false;
        }
    }

    static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
