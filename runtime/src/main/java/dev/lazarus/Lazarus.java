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

    /** A one-line description of the agent's state, for logs and diagnostics. */
    public static String status() {
        return Hooks.journal().status();
    }
}
