package dev.lazarus.it.torture.app;

import dev.lazarus.Lazarus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tortured application, started again and again on one data directory and killed with
 * {@code kill -9} at random moments by {@code dev.lazarus.it.torture.TortureIT}.
 *
 * <pre>TortureApp bank|graph THREADS SEED ACK-FILE</pre>
 *
 * On start it checks the recovered state against the acknowledgement record left by the previous
 * run and prints one line, {@code VERDICT ok|FAIL workload=.. checked=N lost=M recovered=[..] problems=[..]}:
 * {@code checked} is the number of steps acknowledged by the previous run, {@code lost} how many of
 * them are missing. Then it starts the threads, each making its steps one after the other and
 * appending {@code thread seq} to the record after each step returned, until it is killed.
 */
public final class TortureApp {
    private TortureApp() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int threads = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path ackFile = Path.of(args[3]);
        Workload workload = switch (name) {
            case "bank" -> new BankWorkload(seed);
            case "graph" -> new GraphWorkload(seed);
            default -> throw new IllegalArgumentException("unknown workload " + name + ": use bank or graph");
        };
        workload.open(threads); // the first use of the root: recovery runs here

        AckLog.Acked acked = AckLog.read(ackFile, threads);
        long[] recovered = new long[threads];
        long lost = 0;
        List<String> problems = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            recovered[t] = workload.recovered(t);
            if (recovered[t] < acked.max()[t]) {
                lost += acked.max()[t] - recovered[t];
                problems.add("thread " + t + ": acknowledged step " + acked.max()[t] + ", recovered only " + recovered[t]);
            } else if (recovered[t] > acked.max()[t] + 1) {
                problems.add("thread " + t + ": recovered step " + recovered[t] + " but only " + acked.max()[t]
                        + " acknowledged (at most one step can be done and not yet acknowledged)");
            }
        }
        long t0 = System.nanoTime();
        problems.addAll(workload.verify(recovered));
        long verifyMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("VERDICT " + (problems.isEmpty() ? "ok" : "FAIL") + " workload=" + name + " checked="
                + acked.count() + " lost=" + lost + " verifyMs=" + verifyMs + " recovered=" + java.util.Arrays.toString(recovered)
                + " agent=" + Lazarus.isActive() + " problems=" + problems);
        System.out.flush();
        if (!problems.isEmpty()) {
            System.exit(3); // keep the directory as it is for a look
        }

        AckLog acks = AckLog.restart(ackFile, recovered);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            long from = recovered[t];
            Thread worker = new Thread(() -> {
                try {
                    for (long s = from + 1; ; s++) {
                        workload.step(thread, s);
                        acks.ack(thread, s);
                    }
                } catch (Throwable e) {
                    System.out.println("WORKER-FAILED " + thread + " " + e);
                    e.printStackTrace(System.out);
                    System.out.flush();
                    Runtime.getRuntime().halt(4);
                }
            }, "worker-" + t);
            worker.start();
        }
    }
}
