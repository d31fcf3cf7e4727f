package dev.lazarus.internal.hook;

import java.util.function.Supplier;

/**
 * Whether the current thread is rebuilding objects from records — recovery at start-up, or the
 * snapshotter loading a shadow graph — the one "recovering" flag of Lazarus. While it is set, the
 * thread's writes are the log's own changes coming back, not new ones: the engine logs none of
 * them and roots keep the value they are given, and a rewritten {@code removeEldestEntry} returns
 * false (the log holds the removals that really happened; an eviction decided again at replay,
 * after the bound changed, say, would remove an entry that memory kept).
 *
 * <p>The flag is per thread, so that the application's threads go on logging while the
 * snapshotter replays in the background. Every logged write asks it, so the thread-local is read
 * only while some thread is recovering: {@link #threads} is a plain field, and a stale read by
 * another thread is harmless (it then reads its own thread-local, which is false).
 */
public final class Recovering {
    private static final ThreadLocal<boolean[]> ON = ThreadLocal.withInitial(() -> new boolean[1]);
    /** How many threads are recovering now. Written under the class lock, read without it. */
    private static int threads;

    private Recovering() {
    }

    /** Whether this thread is recovering. Called on every logged write and every {@code removeEldestEntry}. */
    public static boolean onThisThread() {
        return threads != 0 && ON.get()[0];
    }

    /** Runs {@code operation} with this thread recovering (nested calls are fine). */
    public static void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    /** The same, for an operation with a result. */
    public static <T> T call(Supplier<T> operation) {
        boolean[] on = ON.get();
        if (on[0]) {
            return operation.get();
        }
        count(1);
        on[0] = true;
        try {
            return operation.get();
        } finally {
            on[0] = false;
            count(-1);
        }
    }

    private static synchronized void count(int delta) {
        threads += delta;
    }
}
