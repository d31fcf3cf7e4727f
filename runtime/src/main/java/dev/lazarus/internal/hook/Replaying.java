package dev.lazarus.internal.hook;

/**
 * Whether the current thread is replaying a logged collection operation into an application's
 * subclass of a tracked collection (recovery, or a snapshot built from records). The agent makes
 * such a subclass's {@code removeEldestEntry} return false then: the log holds the removals that
 * really happened, and an eviction decided again at replay (after the bound changed, say) would
 * remove an entry that memory kept.
 */
public final class Replaying {
    private static final ThreadLocal<boolean[]> ON = ThreadLocal.withInitial(() -> new boolean[1]);

    private Replaying() {
    }

    /** Called at the start of every rewritten {@code removeEldestEntry}. */
    public static boolean now() {
        return ON.get()[0];
    }

    public static void run(Runnable operation) {
        boolean[] on = ON.get();
        boolean was = on[0];
        on[0] = true;
        try {
            operation.run();
        } finally {
            on[0] = was;
        }
    }
}
