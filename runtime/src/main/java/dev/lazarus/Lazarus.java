package dev.lazarus;

import dev.lazarus.internal.hook.Hooks;

/** The few things an application may ask of Lazarus at run time. */
public final class Lazarus {
    private Lazarus() {
    }

    /** Whether the Lazarus agent is running in this JVM. */
    public static boolean isActive() {
        return Hooks.journal().active();
    }

    /**
     * Blocks until every change logged so far, by any thread, is forced to disk, whatever the
     * {@code sync=} mode. Returns at once without the agent.
     */
    public static void awaitDurable() {
        Hooks.journal().awaitDurable();
    }

    /**
     * Takes a snapshot now, on the calling thread, at the last point of the log where no
     * transaction is open; recovery then starts from it. Snapshots are also taken on their own
     * (options {@code snapshotInterval}, {@code snapshotLogBytes}, {@code rto}): calling this is
     * never required. Does nothing without the agent.
     */
    public static void checkpoint() {
        Hooks.journal().checkpoint();
    }

    /** A one-line description of the agent's state, for logs and diagnostics. */
    public static String status() {
        return Hooks.journal().status();
    }
}
