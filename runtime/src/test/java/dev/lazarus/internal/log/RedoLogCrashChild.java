package dev.lazarus.internal.log;

import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link RedoLogCrashTest}.
 *
 * <p>{@code crash DIR RUN MODE [secondly]}: opens the log (with a new cycle file every second), prints {@code READY}, then two threads append
 * numbered records for ever; after {@code append} (and {@code commit}) returned, a thread prints
 * {@code A <thread> <seq>} (in batches). The parent kills it with SIGKILL.
 *
 * <p>{@code quiet DIR}: opens, appends, replays, closes, prints {@code OK}: the parent checks that
 * nothing else was printed (no banner, no slf4j warning).
 */
public final class RedoLogCrashChild {
    private RedoLogCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("quiet")) {
            try (RedoLog log = RedoLog.open(dir, SyncMode.INTERVAL, 100)) {
                for (int i = 0; i < 1000; i++) {
                    byte[] p = Payloads.make(0, 0, i);
                    log.commit(log.append(p, 0, p.length));
                }
                long[] n = {0};
                log.replay((pos, buf, off, len) -> {
                    Payloads.check(buf, off, len);
                    n[0]++;
                });
                log.forceAll();
                if (n[0] != 1000)
                    throw new AssertionError("replayed " + n[0]);
            }
            System.out.println("OK");
            return;
        }
        int run = Integer.parseInt(args[2]);
        SyncMode mode = SyncMode.valueOf(args[3]);
        RedoLog log = args.length > 4 && args[4].equals("secondly")
                ? RedoLog.open(dir, mode, 50, TestRollCycles.TEST_SECONDLY, System::currentTimeMillis)
                : RedoLog.open(dir, mode, 50);
        System.out.println("READY");
        System.out.flush();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                StringBuilder acks = new StringBuilder();
                for (long seq = 0; ; seq++) {
                    byte[] p = Payloads.make(run, thread, seq);
                    long pos = log.append(p, 0, p.length);
                    log.commit(pos);
                    acks.append("A ").append(thread).append(' ').append(seq).append('\n');
                    if (seq % 32 == 31) {
                        synchronized (System.out) {
                            System.out.print(acks);
                            System.out.flush();
                        }
                        acks.setLength(0);
                    }
                }
            }, "writer-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads)
            th.join();
    }
}
