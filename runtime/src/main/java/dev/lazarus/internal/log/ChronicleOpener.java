package dev.lazarus.internal.log;

import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.core.values.LongValue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.TableStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.SparseRollCycles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Opens the Chronicle queue of a redo log the way the log needs it: its roll cycle, its settings,
 * and the locks a killed writer left.
 *
 * <h2>After a crash</h2>
 * Measured with Chronicle 2026.4: a writer killed while appending leaves Chronicle's write lock
 * (in {@code metadata.cq4t}) held by its pid. Chronicle frees it on open if that pid is dead,
 * but if the pid is alive — reused, as in a container where the JVM is always pid 1 — every
 * append would spin for 1.5 × {@code timeoutMS} and then fail. The caller guarantees that this
 * JVM is the only user of the directory, so {@link RedoLog#open} releases both of Chronicle's locks
 * unconditionally ({@link #releaseLocks}). The killed writer's half-written record is invisible:
 * Chronicle writes the payload first and sets the header (length) last, so the document simply is
 * not there, and the next append overwrites it. (Chronicle can also meet a not-complete header from
 * other writers: on append it overwrites it at once; when closing an older cycle it waits
 * {@code timeoutMS} before replacing it with an end-of-file marker, which is why {@code timeoutMS}
 * is set to {@value #TIMEOUT_MS} ms instead of Chronicle's 10 s.) Reopening a log killed in the
 * middle of appends takes the same time as any open, ~5 ms warm (plus ~150 ms of Chronicle class
 * loading in a fresh JVM), and the next append under 1 ms.
 */
final class ChronicleOpener {
    static final long TIMEOUT_MS = 500;

    /** Under the log's name: these are the log's messages. */
    private static final System.Logger LOG = System.getLogger(RedoLog.class.getName());
    private static final String WRITE_LOCK_KEY = "chronicle.write.lock"; // TableStoreWriteLock.LOCK_KEY (private)
    private static final String APPEND_LOCK_KEY = "chronicle.append.lock"; // TableStoreWriteLock.APPEND_LOCK_KEY
    private static final long UNLOCKED = Long.MIN_VALUE; // AbstractTSQueueLock.UNLOCKED = 1L << 63
    private static final String METADATA_FILE = "metadata.cq4t"; // SingleChronicleQueue's table store
    private static final int NOT_COMPLETE = 0x8000_0000; // Chronicle's header bit (Wires.NOT_COMPLETE)

    private ChronicleOpener() {
    }

    /**
     * Five-minute cycle files: once a snapshot covers a file it can be deleted, so the log on disk
     * stays within a few minutes of traffic beyond the last snapshot. The internal property
     * {@code dev.lazarus.rollCycle} (a Chronicle roll cycle name, e.g. {@code TEST_SECONDLY})
     * shortens it for tests of disk reclamation.
     */
    static RollCycle rollCycleFromProperty() {
        String name = System.getProperty("dev.lazarus.rollCycle");
        if (name == null) {
            return net.openhft.chronicle.queue.RollCycles.FIVE_MINUTELY;
        }
        for (Class<?> c : new Class<?>[] {net.openhft.chronicle.queue.RollCycles.class, SparseRollCycles.class,
                net.openhft.chronicle.queue.rollcycles.TestRollCycles.class,
                net.openhft.chronicle.queue.rollcycles.LargeRollCycles.class}) {
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return (RollCycle) constant;
                }
            }
        }
        throw new IllegalArgumentException("unknown roll cycle dev.lazarus.rollCycle=" + name);
    }

    static SingleChronicleQueue build(Path dir, RollCycle rollCycle, TimeProvider clock) {
        try {
            return SingleChronicleQueueBuilder.binary(dir)
                    .rollCycle(rollCycle)
                    .timeProvider(clock)
                    .timeoutMS(TIMEOUT_MS)
                    // Releasing a mapping must not msync (ASYNC by default): Syncer forces the files.
                    .syncMode(net.openhft.chronicle.bytes.SyncMode.NONE)
                    .build();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Cannot open the redo log in " + dir + hintFor(e) + metadataHint(dir), e);
        }
    }

    /**
     * A run killed while Chronicle was creating {@code metadata.cq4t} leaves the file's header
     * unfinished; Chronicle then waits for the process it takes to be creating it and fails ("Unable
     * to claim exclusive lock"), and the application could never start again. That happens before
     * the first record, so no cycle file exists yet: the caller holds the directory's lock (nobody
     * else is creating it), and the file is deleted, for Chronicle to make it again. With cycle files
     * present it is left alone (the open then fails and says so).
     */
    static void removeUnfinishedMetadata(Path dir) {
        Path meta = dir.resolve(METADATA_FILE);
        try {
            if (!Files.isRegularFile(meta) || !unfinished(meta)) {
                return;
            }
            try (Stream<Path> files = Files.list(dir)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX))) {
                    return;
                }
            }
            Files.delete(meta);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        LOG.log(Level.WARNING, "Redo log " + dir + ": a run was killed while it created the log, before its first"
                + " record; " + METADATA_FILE + " was left unfinished and is made again (no record was lost)");
    }

    private static String metadataHint(Path dir) {
        try {
            Path meta = dir.resolve(METADATA_FILE);
            if (Files.isRegularFile(meta) && unfinished(meta)) {
                return ": its " + METADATA_FILE + " is unfinished (a run was killed while creating it), yet the directory"
                        + " holds log files. Fix: move " + meta + " aside and start again; Chronicle makes a new one";
            }
        } catch (IOException e) {
            // no hint
        }
        return "";
    }

    /** Whether the first document header of the file is missing or not complete (Chronicle sets it last). */
    private static boolean unfinished(Path meta) throws IOException {
        try (FileChannel channel = FileChannel.open(meta, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // read the 4 bytes, or what there is
            }
            return header.hasRemaining() || (header.getInt(0) & NOT_COMPLETE) != 0;
        }
    }

    private static String hintFor(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalAccessException || t instanceof IllegalAccessError
                    || t.getClass().getName().equals("java.lang.reflect.InaccessibleObjectException")) {
                return ": Chronicle Queue needs --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
                        + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED (the Lazarus agent grants them itself)";
            }
        }
        return "";
    }

    /**
     * Chronicle's locks live in {@code metadata.cq4t}; a writer killed while appending leaves the
     * write lock held by its pid. The caller guarantees we are the only JVM here: release both.
     */
    static void releaseLocks(SingleChronicleQueue queue, Path dir) {
        TableStore<?> store = queue.metaStore();
        for (String key : new String[]{WRITE_LOCK_KEY, APPEND_LOCK_KEY}) {
            LongValue value = store.doWithExclusiveLock(ts -> ts.acquireValueFor(key));
            try {
                long holder = value.getVolatileValue();
                if (holder != UNLOCKED && holder != 0 && value.compareAndSwapValue(holder, UNLOCKED)) {
                    LOG.log(Level.DEBUG, () -> "Released " + key + " left by pid " + (int) holder + " in " + dir);
                }
            } finally {
                net.openhft.chronicle.core.io.Closeable.closeQuietly(value);
            }
        }
    }
}
