package dev.lazarus.internal.log;

import java.util.Locale;

/**
 * When the redo log is forced to disk (DESIGN §3, {@code sync=}).
 *
 * <p>Whatever the mode, a record whose {@link RedoLog#append append} has returned is in the
 * memory-mapped queue file, i.e. in the kernel's page cache: it survives a crash or
 * {@code kill -9} of the process. The modes differ only in what survives a power loss or a
 * kernel crash.
 */
public enum SyncMode {
    /** Never forced by Lazarus (not even at close): the OS writes the pages back when it likes. */
    NONE,
    /** A daemon thread forces the log every {@code syncIntervalMs} if anything was appended. */
    INTERVAL,
    /**
     * {@link RedoLog#commit(long)} returns only once the record is on disk; concurrent committers
     * share one force (group commit).
     */
    ALWAYS;

    /** Parses {@code none|interval|always}, ignoring case. */
    public static SyncMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("sync=" + text + " is not valid; use one of none, interval, always", e);
        }
    }
}
