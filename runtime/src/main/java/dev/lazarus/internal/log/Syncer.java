package dev.lazarus.internal.log;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Forces the redo log to disk and keeps track of what is already there: group commit by
 * leader/follower, plus the optional interval thread.
 *
 * <h2>How the log is forced, and why</h2>
 * Chronicle writes through a shared memory mapping. Measured here (ext4, Linux, 2026.4), by the
 * {@code Dirty:} line of {@code /proc/meminfo} after 100 MB of appends:
 * <ul>
 *   <li>{@code ExcerptAppender.sync()} with the default builder does nothing: its sync mode is
 *       {@code ASYNC}, i.e. {@code msync(MS_ASYNC)}, a no-op on Linux (Dirty unchanged);</li>
 *   <li>with {@code syncMode(SYNC)} it {@code msync}s only the appender's current 64 MB chunk
 *       from the last synced page: 32 of the 98 MB were written, the rest stayed dirty; it must
 *       also run on the appender's thread, i.e. under the append lock;</li>
 *   <li>{@code fsync}/{@code fdatasync} of the cycle file through a separate descriptor wrote
 *       every dirty page, those dirtied through the mapping included (Dirty back to ~0): on Linux
 *       the page cache is shared, and writeback of a shared file mapping goes through it.</li>
 * </ul>
 * So the log is forced with {@link java.io.FileDescriptor#sync()} ({@code fsync}) on a
 * read-only descriptor of each cycle file written since the last force, plus an {@code fsync}
 * of the directory when a new cycle file appeared (so that the file itself survives). It runs
 * without the append lock: appends continue during a force, and a force covers every record
 * whose append returned before it started. {@code FileDescriptor.sync()} rather than
 * {@code FileChannel.force}: a {@code FileChannel} is closed for good when the thread using it
 * is interrupted, and the forcing thread is an application thread (the commit leader); the two
 * cost the same here (~100 µs after a small append; {@code fdatasync} saves nothing measurable,
 * the file's size and blocks are allocated as Chronicle grows it). Chronicle's
 * {@code metadata.cq4t} is not forced: on open Chronicle rebuilds its cycle listing from the
 * directory, and Lazarus resets the locks it holds.
 *
 * <h2>Group commit</h2>
 * A committer whose position is already forced returns at once. Otherwise, if no force is
 * running it becomes the leader: it reads the last appended position, forces, publishes that
 * position; committers arriving meanwhile wait, and the first one not covered when the force ends
 * leads the next force, which covers all of them.
 */
final class Syncer {
    private static final System.Logger LOG = System.getLogger(Syncer.class.getName());

    private final Path dir;
    private final LongSupplier lastAppended;
    /** Told each position a force put on disk, with its cycle file and directory entry. */
    private final LongConsumer onForced;

    private final Object monitor = new Object();
    /** Guarded by {@link #monitor}: a leader is forcing. */
    private boolean forcing;
    /** Guarded by {@link #monitor}. */
    private boolean closed;
    /** Highest position known to be on disk. */
    private volatile long forced;
    private volatile long forceCount;

    /** Guarded by itself: cycle files that appeared since the last force (registered in order). */
    private final List<File> newFiles = new ArrayList<>();

    // Leader-only state: only one leader at a time, handed over through {@link #monitor}.
    private File currentFile;
    private RandomAccessFile current;
    private boolean directoryForceFailed;

    private volatile boolean stopped;
    private Thread intervalThread;
    /** Tests only: makes every force take at least this long (a slow disk), e.g. on tmpfs. */
    volatile long extraForceNanosForTests;

    Syncer(Path dir, LongSupplier lastAppended, long initiallyForced, LongConsumer onForced) {
        this.dir = dir;
        this.lastAppended = lastAppended;
        this.onForced = onForced;
        this.forced = initiallyForced;
    }

    /** Highest position known to be on disk. */
    long forced() {
        return forced;
    }

    long forceCount() {
        return forceCount;
    }

    /**
     * A cycle file that will receive (or already holds) records not yet forced. Must be called
     * before the position of the first such record is published.
     */
    void register(File file) {
        synchronized (newFiles) {
            newFiles.add(file);
        }
    }

    /** Starts the daemon that forces every {@code intervalMs} if anything was appended. */
    void startInterval(long intervalMs) {
        long nanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        Thread t = new Thread(() -> {
            boolean failing = false;
            while (!stopped) {
                LockSupport.parkNanos(this, nanos);
                if (stopped) {
                    break;
                }
                try {
                    long last = lastAppended.getAsLong();
                    if (last > forced) {
                        awaitForced(last);
                    }
                    if (failing) {
                        LOG.log(System.Logger.Level.INFO, "Forcing the redo log in " + dir + " works again");
                    }
                    failing = false;
                } catch (RuntimeException e) {
                    if (!stopped) {
                        LOG.log(failing ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                                "Forcing the redo log in " + dir + " failed; retrying every " + intervalMs + " ms", e);
                    }
                    failing = true;
                }
            }
        }, "lazarus-redo-sync");
        t.setDaemon(true);
        intervalThread = t;
        t.start();
    }

    /**
     * Returns once {@code position} (and everything before it) is on disk. {@code position} must
     * not be beyond the last appended one. Not interruptible (the interrupt status is kept).
     */
    void awaitForced(long position) {
        if (forced >= position) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                synchronized (monitor) {
                    while (forcing && forced < position) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (forced >= position) {
                        return;
                    }
                    if (closed) {
                        throw new IllegalStateException("Redo log in " + dir + " is closed");
                    }
                    forcing = true;
                }
                long done = forced;
                try {
                    done = forceNow();
                } finally {
                    synchronized (monitor) {
                        forcing = false;
                        if (done > forced) {
                            forced = done;
                        }
                        monitor.notifyAll();
                    }
                }
                if (done >= position) {
                    return;
                }
                if (lastAppended.getAsLong() < position) {
                    throw new IllegalArgumentException("Position " + position + " was never appended");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Leader only. Returns the position now known to be on disk. */
    private long forceNow() {
        long target = lastAppended.getAsLong(); // read before the files: see register()
        List<File> files;
        synchronized (newFiles) {
            files = new ArrayList<>(newFiles);
            newFiles.clear();
        }
        try {
            if (current != null) {
                current.getFD().sync(); // it may have got records before a roll to a new file
            }
            for (File f : files) { // (a file registered again may be a new one under the same name: a cut)
                RandomAccessFile raf;
                try {
                    raf = new RandomAccessFile(f, "r");
                } catch (FileNotFoundException e) {
                    if (!f.exists()) {
                        continue; // deleted meanwhile (an old cycle after a snapshot): nothing to force
                    }
                    throw e;
                }
                try {
                    raf.getFD().sync();
                } catch (IOException e) {
                    raf.close();
                    throw e;
                }
                if (current != null) {
                    current.close();
                }
                current = raf;
                currentFile = f;
            }
            if (!files.isEmpty()) {
                forceDirectory();
            }
            if (extraForceNanosForTests > 0) {
                LockSupport.parkNanos(extraForceNanosForTests);
            }
        } catch (IOException e) {
            synchronized (newFiles) { // not forced: retry them next time
                newFiles.addAll(0, files);
            }
            throw new UncheckedIOException("Could not force the redo log in " + dir + " to disk", e);
        }
        forceCount++; // single writer: the leader
        onForced.accept(target);
        return target;
    }

    /** So that a new cycle file's directory entry survives a power loss too. */
    private void forceDirectory() {
        if (directoryForceFailed) {
            return;
        }
        boolean interrupted = Thread.interrupted(); // an interrupt would close the channel mid-force
        try {
            for (int attempt = 0; ; attempt++) {
                try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                    ch.force(true);
                    return;
                } catch (ClosedChannelException e) {
                    interrupted |= Thread.interrupted();
                    if (attempt >= 3) {
                        throw new UncheckedIOException("Could not force the directory " + dir, e);
                    }
                } catch (IOException e) {
                    // Not every platform can fsync a directory (Windows cannot open one). Linux can.
                    directoryForceFailed = true;
                    LOG.log(System.Logger.Level.DEBUG, "Cannot force the directory " + dir + ": " + e);
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the interval thread (if any). */
    void stopInterval() {
        stopped = true;
        Thread t = intervalThread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for a running force, then refuses further ones and closes the files. */
    void close() {
        stopInterval();
        boolean interrupted = false;
        synchronized (monitor) {
            while (forcing) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            closed = true;
            monitor.notifyAll();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing " + currentFile + ": " + e);
            }
            current = null;
        }
    }
}
