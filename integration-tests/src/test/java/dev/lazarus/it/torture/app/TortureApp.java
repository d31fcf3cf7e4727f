package dev.lazarus.it.torture.app;

import dev.lazarus.Lazarus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The tortured application, started again and again on one data directory and killed with
 * {@code kill -9} at random moments by {@code dev.lazarus.it.torture.TortureIT}.
 *
 * <pre>TortureApp bank|graph THREADS SEED ACK-FILE [--durable-after FSYNC-LOG] [--check]</pre>
 *
 * On start it checks the recovered state against the acknowledgement record left by the previous
 * run and prints one line, {@code VERDICT ok|FAIL workload=.. checked=N lost=M recovered=[..] problems=[..]}:
 * {@code checked} is the number of steps acknowledged by the previous run, {@code lost} how many of
 * them are missing. Then (unless {@code --check}) it starts the threads, each making its steps one
 * after the other and appending {@code thread seq} to the record after each step returned, until
 * it is killed.
 *
 * <p>With {@code --durable-after} (the power-loss test, {@code sync=interval}) a step counts as
 * acknowledged only once a force of the log <em>started</em> after it returned has completed, as
 * reported by the file system in FSYNC-LOG; such steps are recorded in {@code ACK-FILE.durable}.
 * The steps that returned (in ACK-FILE) still bound what may be recovered from above.
 */
public final class TortureApp {
    private TortureApp() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int threads = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path ackFile = Path.of(args[3]);
        Workload workload;
        try { // the first use of the workload's root (its class initialisation) runs recovery
            workload = switch (name) {
                case "bank" -> new BankWorkload(seed);
                case "graph" -> new GraphWorkload(seed);
                default -> throw new IllegalArgumentException("unknown workload " + name + ": use bank or graph");
            };
            workload.open(threads);
        } catch (Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("STOPPED recovery refused: " + cause.getClass().getName() + ": " + cause.getMessage());
            System.out.flush();
            System.exit(5);
            return;
        }

        Path fsyncLog = option(args, "--durable-after");
        Path durableFile = ackFile.resolveSibling(ackFile.getFileName() + ".durable");
        AckLog.Acked acked = AckLog.read(ackFile, threads);
        AckLog.Acked required = fsyncLog == null ? acked : AckLog.read(durableFile, threads);
        long[] recovered = new long[threads];
        long lost = 0;
        List<String> problems = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            recovered[t] = workload.recovered(t);
            if (recovered[t] < required.max()[t]) {
                lost += required.max()[t] - recovered[t];
                problems.add("thread " + t + ": acknowledged step " + required.max()[t] + ", recovered only " + recovered[t]);
            } else if (recovered[t] > acked.max()[t] + 1) {
                problems.add("thread " + t + ": recovered step " + recovered[t] + " but only " + acked.max()[t]
                        + " returned (at most one step can be done and not yet returned)");
            }
        }
        long t0 = System.nanoTime();
        problems.addAll(workload.verify(recovered));
        long verifyMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("VERDICT " + (problems.isEmpty() ? "ok" : "FAIL") + " workload=" + name + " checked="
                + required.count() + " lost=" + lost + " returned=" + Arrays.toString(acked.max()) + " verifyMs="
                + verifyMs + " recovered=" + Arrays.toString(recovered) + " agent=" + Lazarus.isActive()
                + " problems=" + problems);
        System.out.flush();
        if (!problems.isEmpty()) {
            System.exit(3); // keep the directory as it is for a look
        }

        if (Arrays.asList(args).contains("--check")) {
            return;
        }
        AckLog acks = AckLog.restart(ackFile, recovered);
        AtomicLongArray returned = new AtomicLongArray(recovered);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            long from = recovered[t];
            forever(() -> {
                for (long s = from + 1; ; s++) {
                    workload.step(thread, s);
                    acks.ack(thread, s);
                    returned.set(thread, s);
                    if (s % 4 == 0) {
                        // leave some of the machine to the harness and to snapshots: a run killed before
                        // its first snapshot completes leaves a longer log to the next
                        Thread.sleep(1);
                    }
                }
            }, "worker-" + t);
        }
        if (fsyncLog != null) {
            AckLog durable = AckLog.restart(durableFile, recovered);
            ForceWatch forces = new ForceWatch(fsyncLog);
            forever(() -> {
                while (true) {
                    long[] before = new long[threads];
                    for (int t = 0; t < threads; t++) {
                        before[t] = returned.get(t);
                    }
                    // a force of a log file holds at most two fsyncs (the file before a roll, the new one):
                    // after four more, one whole force started after the steps above returned
                    long target = forces.forces() + 4;
                    while (forces.forces() < target) {
                        Thread.sleep(5);
                    }
                    for (int t = 0; t < threads; t++) {
                        durable.ack(t, before[t]);
                    }
                }
            }, "durable-acks");
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /** A thread that runs until the JVM is killed; any failure stops the JVM with exit code 4. */
    private static void forever(Body body, String name) {
        new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                System.out.println("WORKER-FAILED " + name + " " + e);
                e.printStackTrace(System.out);
                System.out.flush();
                Runtime.getRuntime().halt(4);
            }
        }, name).start();
    }

    private static Path option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }
}
