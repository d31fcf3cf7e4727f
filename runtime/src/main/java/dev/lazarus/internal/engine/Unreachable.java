package dev.lazarus.internal.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The ids of objects that a snapshot found unreachable from every root. A snapshot may leave such an
 * object out — but the application may still hold it and link it back later, and the log would then
 * name an object that recovery no longer has. So the two sides meet here:
 *
 * <ul>
 *   <li>the snapshotter keeps an unreachable object that is not marked yet, and marks it once the
 *       snapshot is on disk; only an object still marked at the next snapshot is left out;</li>
 *   <li>the write path, about to log a reference to a marked object, unmarks it and logs it again
 *       (NEW and IMAGE, under the same id, with what it reaches) before the reference, so that
 *       recovery has it whether or not a snapshot left it out.</li>
 * </ul>
 *
 * An object left out is therefore one that stayed unreachable for a whole snapshot interval after it
 * was marked; a write that links it back finds the mark. (The one window: a thread that read the
 * mark as clear before it was set and appends its reference only after the next snapshot's
 * safepoint, that is, stalled for a whole snapshot interval in the middle of one write.)
 *
 * <p>One bit per id, in chunks of 65,536 ids allocated where some id is marked; marks of objects
 * that never come back stay (8 KB per chunk). Marks are not kept across restarts: recovery starts
 * with none, and the first snapshot after it leaves nothing out.
 */
public final class Unreachable {
    private static final int CHUNK_BITS = 16;
    private static final int WORDS = 1 << (CHUNK_BITS - 6);

    /** Chunks by {@code oid >>> 16}; replaced (grown) only by the snapshotter, read by any thread. */
    private volatile AtomicLongArray[] chunks = new AtomicLongArray[0];
    private final boolean offline;

    private Unreachable(boolean offline) {
        this.offline = offline;
    }

    /** For a running application: nothing marked yet. */
    public static Unreachable live() {
        return new Unreachable(false);
    }

    /** For offline compaction: no process holds the objects, so every unreachable one may go. */
    public static Unreachable offline() {
        return new Unreachable(true);
    }

    /** Whether {@code oid} is marked: a snapshot may leave its object out. */
    public boolean isMarked(long oid) {
        if (offline) {
            return true;
        }
        AtomicLongArray[] c = chunks;
        long index = oid >>> CHUNK_BITS;
        if (index >= c.length || c[(int) index] == null) {
            return false;
        }
        return (c[(int) index].get(word(oid)) & (1L << oid)) != 0;
    }

    /** Clears the mark of {@code oid}; true if it was set: of threads racing to clear it, one wins. */
    public boolean unmark(long oid) {
        AtomicLongArray[] c = chunks;
        long index = oid >>> CHUNK_BITS;
        if (offline || index >= c.length || c[(int) index] == null) {
            return false;
        }
        long bit = 1L << oid;
        long before = c[(int) index].getAndUpdate(word(oid), w -> w & ~bit);
        return (before & bit) != 0;
    }

    /** Marks {@code oid}. Called by the snapshotter only (one thread), after its snapshot is on disk. */
    public void mark(long oid) {
        if (offline || oid <= 0) {
            return;
        }
        int index = (int) (oid >>> CHUNK_BITS);
        AtomicLongArray[] c = chunks;
        if (index >= c.length) {
            c = Arrays.copyOf(c, Math.max(index + 1, c.length * 2));
        }
        if (c[index] == null) {
            c[index] = new AtomicLongArray(WORDS);
        }
        chunks = c; // publishes a new array, or the same one with a new chunk
        long bit = 1L << oid;
        c[index].getAndUpdate(word(oid), w -> w | bit);
    }

    private static int word(long oid) {
        return (int) (oid >>> 6) & (WORDS - 1);
    }
}
