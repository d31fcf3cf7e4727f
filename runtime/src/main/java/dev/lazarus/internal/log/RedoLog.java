package dev.lazarus.internal.log;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.core.values.LongValue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.TableStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.SparseRollCycles;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The redo log: a Chronicle Queue (memory-mapped {@code .cq4} files) in a directory that the
 * caller has created and locked against other JVMs.
 *
 * <h2>Records</h2>
 * One record is one Chronicle data document: a 4-byte CRC32C of the payload, then the payload.
 * Its position is the Chronicle index ({@code cycle << shift | sequence}): it increases with every
 * append, across cycle files too (the queue's clock never goes back: {@link MonotonicClock}). A record
 * of up to {@link #maxRecordLength()} bytes (16 MB minus a few bytes, with Chronicle's default
 * 64 MB block size) fits.
 *
 * <h2>Threads and order</h2>
 * {@link #append} may be called from any thread. One Chronicle appender, guarded by one
 * {@link ReentrantLock}: the log order is the order in which appends took the lock, so if one
 * {@code append} returns before another starts, its record comes first. (Chronicle appenders are
 * not thread-safe; one per thread would serialise on Chronicle's own cross-process write lock
 * anyway, which VERSIONS.md measured slower in total than one thread, and whose timeout is tuned
 * for other processes, not for our GC pauses. The CRC is computed before taking the lock.)
 *
 * <h2>Durability</h2>
 * A record whose {@code append} returned is in the page cache and survives {@code kill -9}: the
 * crash test kills a writer at random moments and finds every acknowledged record. Against power
 * loss see {@link SyncMode} and {@link Syncer} (how the log is forced, group commit).
 *
 * <h2>After a crash</h2>
 * Measured with Chronicle 2026.4: a writer killed while appending leaves Chronicle's write lock
 * (in {@code metadata.cq4t}) held by its pid. Chronicle frees it on open if that pid is dead,
 * but if the pid is alive — reused, as in a container where the JVM is always pid 1 — every
 * append would spin for 1.5 × {@code timeoutMS} and then fail. The caller guarantees that this
 * JVM is the only user of the directory, so {@link #open} releases both of Chronicle's locks
 * unconditionally. The killed writer's half-written record is invisible: Chronicle writes the
 * payload first and sets the header (length) last, so the document simply is not there, and the
 * next append overwrites it. (Chronicle can also meet a not-complete header from other writers:
 * on append it overwrites it at once; when closing an older cycle it waits {@code timeoutMS}
 * before replacing it with an end-of-file marker, which is why {@code timeoutMS} is set to
 * {@value #CHRONICLE_TIMEOUT_MS} ms instead of Chronicle's 10 s.) Reopening a log killed in the
 * middle of appends takes the same time as any open, ~5 ms warm (plus ~150 ms of Chronicle class
 * loading in a fresh JVM), and the next append under 1 ms.
 *
 * <h2>Torn tails and corruption</h2>
 * See {@link #replay(RecordConsumer)}.
 */
public final class RedoLog implements AutoCloseable {
    static {
        ChronicleQuiet.apply(); // before any Chronicle class initialises
    }

    /** "No record": the position of an empty log, or before the first record. */
    public static final long NO_POSITION = -1L;

    static final long CHRONICLE_TIMEOUT_MS = 500;

    /**
     * Hourly cycle files (old files can be deleted once a snapshot covers them, hour by hour),
     * up to 2^34 records per hour, an index entry every 1024 records (cheaper appends; a seek
     * scans at most 1023 records).
     */
    static final RollCycle DEFAULT_ROLL_CYCLE = rollCycleFromProperty();

    /**
     * Five-minute cycle files: once a snapshot covers a file it can be deleted, so the log on disk
     * stays within a few minutes of traffic beyond the last snapshot. The internal property
     * {@code dev.lazarus.rollCycle} (a Chronicle roll cycle name, e.g. {@code TEST_SECONDLY})
     * shortens it for tests of disk reclamation.
     */
    private static RollCycle rollCycleFromProperty() {
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

    private static final System.Logger LOG = System.getLogger(RedoLog.class.getName());
    private static final String WRITE_LOCK_KEY = "chronicle.write.lock"; // TableStoreWriteLock.LOCK_KEY (private)
    private static final String APPEND_LOCK_KEY = "chronicle.append.lock"; // TableStoreWriteLock.APPEND_LOCK_KEY
    private static final long UNLOCKED = Long.MIN_VALUE; // AbstractTSQueueLock.UNLOCKED = 1L << 63
    private static final int CRC_BYTES = 4;
    // Chronicle header bits (net.openhft.chronicle.wire.Wires)
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int END_OF_DATA = 0xC000_0000;
    /** A void marker (metadata document): "records [from, to] were a torn tail; skip them". */
    static final int VOID_MAGIC = 0x4C5A_5644; // "DVZL" in the file (little-endian)
    static final int VOID_LENGTH = 4 + 8 + 8 + 4;

    private static final VarHandle LAST_APPENDED;

    static {
        try {
            LAST_APPENDED = MethodHandles.lookup().findVarHandle(RedoLog.class, "lastAppended", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path dir;
    private final SyncMode mode;
    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final MonotonicClock clock;
    private final ExcerptAppender appender;
    private final Syncer syncer;
    private final int maxRecordLength;

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private boolean closed;
    private int currentCycle = Integer.MIN_VALUE;
    /** A torn tail found by replay, to be voided before the next record: {from, to}. */
    private long[] pendingVoid;
    /** Payload bytes appended by this run; written under lock, read racily (a trigger, not an account). */
    private long appendedBytes;
    /** Records appended by this run; the same. */
    private long appendedRecords;
    /** Written under lock with release semantics, read anywhere with acquire. */
    @SuppressWarnings("unused")
    private long lastAppended;

    private RedoLog(Path dir, SyncMode mode, SingleChronicleQueue queue, MonotonicClock clock) {
        this.dir = dir;
        this.mode = mode;
        this.queue = queue;
        this.rollCycle = queue.rollCycle();
        this.clock = clock;
        this.maxRecordLength = (int) Math.min(queue.overlapSize() - CRC_BYTES - 64, (1 << 30) - 1 - CRC_BYTES - 64);

        int lastCycle = queue.lastCycle();
        if (lastCycle >= 0) // the clock must not go back before the last cycle file
            clock.floor(cycleStartMillis(lastCycle));
        releaseLocks();
        this.appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true); // used under our lock, from many threads

        long last = queue.lastIndex();
        this.lastAppended = last;
        this.syncer = new Syncer(dir, this::lastPosition, NO_POSITION);
        // A previous run may have died before forcing: the first force covers the existing files too.
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX))
                    .sorted()
                    .forEach(p -> syncer.register(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /**
     * Opens (creating if needed) the Chronicle queue in {@code dir}, which the caller has created
     * and locked. In {@link SyncMode#INTERVAL} starts the daemon thread {@code lazarus-redo-sync}.
     * Except in {@link SyncMode#NONE}, the existing files are forced once, so that what a
     * previous run left is on disk before anything is added to it.
     *
     * @param syncIntervalMs the period of {@link SyncMode#INTERVAL} (ignored otherwise), &gt; 0
     */
    public static RedoLog open(Path dir, SyncMode mode, long syncIntervalMs) {
        return open(dir, mode, syncIntervalMs, DEFAULT_ROLL_CYCLE, System::currentTimeMillis);
    }

    /** For tests: another roll cycle, another clock. */
    static RedoLog open(Path dir, SyncMode mode, long syncIntervalMs, RollCycle rollCycle, LongSupplier wallClock) {
        ChronicleQuiet.apply();
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(mode, "mode");
        if (mode == SyncMode.INTERVAL && syncIntervalMs <= 0)
            throw new IllegalArgumentException("syncIntervalMs must be > 0, was " + syncIntervalMs);
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException("Not a directory: " + dir);
        MonotonicClock clock = new MonotonicClock(wallClock);
        SingleChronicleQueue queue;
        try {
            queue = SingleChronicleQueueBuilder.binary(dir)
                    .rollCycle(rollCycle)
                    .timeProvider(clock)
                    .timeoutMS(CHRONICLE_TIMEOUT_MS)
                    // Releasing a mapping must not msync (ASYNC by default): Syncer forces the files.
                    .syncMode(net.openhft.chronicle.bytes.SyncMode.NONE)
                    .build();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Cannot open the redo log in " + dir + hintFor(e), e);
        }
        RedoLog log;
        try {
            log = new RedoLog(dir, mode, queue, clock);
        } catch (RuntimeException | Error e) {
            queue.close();
            throw e;
        }
        try {
            if (mode != SyncMode.NONE)
                log.forceAll();
            if (mode == SyncMode.INTERVAL)
                log.syncer.startInterval(syncIntervalMs);
        } catch (RuntimeException | Error e) {
            log.close();
            throw e;
        }
        LOG.log(Level.DEBUG, () -> "Opened redo log " + dir + " (sync=" + mode + ", last position "
                + Long.toHexString(log.lastPosition()) + ")");
        return log;
    }

    private static String hintFor(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalAccessException || t instanceof IllegalAccessError
                    || t.getClass().getName().equals("java.lang.reflect.InaccessibleObjectException"))
                return ": Chronicle Queue needs --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
                        + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED (the Lazarus agent grants them itself)";
        }
        return "";
    }

    /**
     * Chronicle's locks live in {@code metadata.cq4t}; a writer killed while appending leaves the
     * write lock held by its pid. The caller guarantees we are the only JVM here: release both.
     */
    private void releaseLocks() {
        TableStore<?> store = queue.metaStore();
        for (String key : new String[]{WRITE_LOCK_KEY, APPEND_LOCK_KEY}) {
            LongValue value = store.doWithExclusiveLock(ts -> ts.acquireValueFor(key));
            try {
                long holder = value.getVolatileValue();
                if (holder != UNLOCKED && holder != 0 && value.compareAndSwapValue(holder, UNLOCKED))
                    LOG.log(Level.DEBUG, () -> "Released " + key + " left by pid " + (int) holder + " in " + dir);
            } finally {
                net.openhft.chronicle.core.io.Closeable.closeQuietly(value);
            }
        }
    }

    /**
     * Appends one record: {@code buf[off, off + len)}. Thread-safe. Returns its position, greater
     * than that of every record appended before. When this returns, the record survives a crash
     * of the process; see {@link #commit} for power loss.
     *
     * @throws IllegalArgumentException if {@code len > maxRecordLength()}
     * @throws IllegalStateException    if the log is closed
     */
    public long append(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len > maxRecordLength)
            throw new IllegalArgumentException("Redo record of " + len + " bytes exceeds the maximum of " + maxRecordLength);
        CRC32C crc = new CRC32C();
        crc.update(buf, off, len);
        int checksum = (int) crc.getValue();
        ReentrantLock lock = this.lock;
        lock.lock();
        try {
            if (closed)
                throw new IllegalStateException("Redo log in " + dir + " is closed");
            if (pendingVoid != null)
                writeVoidMarker();
            try (DocumentContext dc = appender.writingDocument()) {
                try {
                    Bytes<?> bytes = dc.wire().bytes();
                    bytes.writeInt(checksum);
                    bytes.write(buf, off, len);
                } catch (RuntimeException | Error e) {
                    dc.rollbackOnClose();
                    throw e;
                }
            }
            long position = appender.lastIndexAppended();
            appendedBytes += len + CRC_BYTES;
            appendedRecords++;
            int cycle = rollCycle.toCycle(position);
            if (cycle != currentCycle)
                enterCycle(cycle);
            LAST_APPENDED.setRelease(this, position);
            return position;
        } finally {
            lock.unlock();
        }
    }

    /** Rare path: the first record of this run, or of a new cycle file. Under lock. */
    private void enterCycle(int cycle) {
        currentCycle = cycle;
        clock.floor(cycleStartMillis(cycle));
        syncer.register(appender.currentFile()); // before the position is published
    }

    private long cycleStartMillis(int cycle) {
        return (long) cycle * rollCycle.lengthInMillis() + queue.epoch();
    }

    /**
     * Returns once the record at {@code position}, and all before it, is on disk, in
     * {@link SyncMode#ALWAYS}; returns at once in the other modes. Concurrent callers share one
     * force (group commit); a caller whose position is already covered returns without waiting.
     * Not interruptible (the interrupt status is kept).
     */
    public void commit(long position) {
        if (mode != SyncMode.ALWAYS || position == NO_POSITION)
            return;
        if (position > lastPosition())
            throw new IllegalArgumentException("Position " + Long.toHexString(position) + " was never appended");
        syncer.awaitForced(position);
    }

    /** Forces everything appended so far, whatever the mode, and returns once it is on disk. */
    public void forceAll() {
        long last = lastPosition();
        if (last != NO_POSITION)
            syncer.awaitForced(last);
    }

    /**
     * Reads every record from the start, in order. See {@link #replayAfter} for what is reported
     * and what is thrown.
     */
    public ReplayResult replay(RecordConsumer consumer) {
        return replayAfter(NO_POSITION, consumer);
    }

    /**
     * Reads, in order, every record after {@code position} ({@link #NO_POSITION}: from the start;
     * otherwise the position of an existing record, e.g. the one a snapshot covers).
     *
     * <p>Every record's CRC is checked. A damaged record (CRC mismatch, or too short) that is
     * followed only by damaged records is a <em>torn tail</em> — what a crash or a power loss
     * leaves — and so is an incomplete document at the end of the last file: replay ends quietly
     * before it and says so in the result. The next {@link #append} first writes a void marker (a
     * Chronicle metadata document) for that torn tail, so that later replays skip it instead of
     * finding it followed by valid records. A damaged record followed by a valid one (and not
     * voided) is corruption in the middle: {@link LogCorruptedException}, naming the file, the
     * position and the offset. Chronicle read errors are reported the same way, and so is a
     * <em>hole</em>: Chronicle stops reading at a zeroed record header (a page lost in a power loss
     * without a force), but if the end of the log (found from the end of the newest file before
     * reading) holds later records, replay throws instead of ending quietly — otherwise those
     * records, and every record appended after them by the next run, would never be replayed.
     *
     * <p>Replay may run while other threads append (it sees at least what was appended before it
     * started) but is meant for recovery, before the first append of a run.
     *
     * @throws LogCorruptedException    on corruption
     * @throws IllegalArgumentException if {@code position} is not a record of this log
     */
    public ReplayResult replayAfter(long position, RecordConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        Replay r = new Replay(lastIndexOrUnknown());
        try (ExcerptTailer tailer = queue.createTailer()) {
            boolean skipFirst = false;
            if (position != NO_POSITION) {
                if (!tailer.moveToIndex(position))
                    throw new IllegalArgumentException("The redo log in " + dir + " has no record at position "
                            + Long.toHexString(position) + " (first " + Long.toHexString(queue.firstIndex())
                            + ", last " + Long.toHexString(queue.lastIndex()) + ")");
                skipFirst = true;
            }
            while (true) {
                try (DocumentContext dc = tailer.readingDocument(true)) {
                    if (!dc.isPresent())
                        break;
                    Bytes<?> bytes = dc.wire().bytes();
                    r.file = tailer.currentFile();
                    r.end = bytes.readLimit();
                    if (dc.isMetaData()) {
                        r.metaData(bytes);
                        continue;
                    }
                    long index = dc.index();
                    if (skipFirst) {
                        skipFirst = false;
                        r.lastSeen = index;
                        if (index != position)
                            throw new IllegalStateException("Expected the record at " + Long.toHexString(position)
                                    + " but found " + Long.toHexString(index));
                        continue;
                    }
                    r.data(index, bytes, consumer);
                }
            }
        } catch (LogCorruptedException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("net.openhft."))
                throw r.unreadable(e);
            throw e; // the consumer's own
        }
        return r.finish();
    }

    /**
     * Reads, in order, the records after {@code after} ({@link #NO_POSITION}: from the start) up
     * to and including {@code upTo}, while other threads append: for building a snapshot in the
     * background. Read-only: unlike {@link #replayAfter}, it never marks a torn tail, and a record
     * being written past the end simply is not read yet. Returns the number of records read.
     *
     * @throws LogCorruptedException on a damaged record in the range
     */
    public long replayBetween(long after, long upTo, RecordConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        long read = 0;
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[256];
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (after != NO_POSITION && !tailer.moveToIndex(after)) {
                throw new IllegalArgumentException("The redo log in " + dir + " has no record at position "
                        + Long.toHexString(after));
            }
            while (true) {
                try (DocumentContext dc = tailer.readingDocument(true)) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    if (dc.isMetaData()) {
                        continue;
                    }
                    long index = dc.index();
                    if (index <= after) {
                        continue;
                    }
                    if (index > upTo) {
                        break;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    int len = (int) bytes.readRemaining() - CRC_BYTES;
                    int stored = len >= 0 ? bytes.readInt() : 0;
                    if (buf.length < Math.max(len, 0)) {
                        buf = new byte[Math.max(len, buf.length * 2)];
                    }
                    if (len >= 0) {
                        bytes.read(buf, 0, len);
                        crc.reset();
                        crc.update(buf, 0, len);
                    }
                    if (len < 0 || (int) crc.getValue() != stored) {
                        throw new LogCorruptedException("Redo log corrupted: damaged record at index " + describe(index)
                                + " in " + tailer.currentFile(), tailer.currentFile(), index);
                    }
                    consumer.accept(index, buf, 0, len);
                    read++;
                }
            }
        }
        return read;
    }

    /**
     * Deletes the cycle files that hold only records before {@code position} (the current cycle
     * file is never deleted). Called once a snapshot covering them is safely on disk.
     * Returns the number of files deleted.
     */
    public int deleteFilesBefore(long position) {
        if (position == NO_POSITION) {
            return 0;
        }
        int keepFrom = rollCycle.toCycle(position);
        int deleted = 0;
        java.time.format.DateTimeFormatter names = java.time.format.DateTimeFormatter.ofPattern(rollCycle.format())
                .withZone(java.time.ZoneOffset.UTC);
        lock.lock();
        try {
            keepFrom = Math.min(keepFrom, currentCycle == Integer.MIN_VALUE ? keepFrom : currentCycle);
            int first = queue.firstCycle();
            int last = queue.lastCycle();
            if (first == Integer.MAX_VALUE || first < 0 || last < first) {
                return 0;
            }
            // Chronicle lists cycles only between cycles whose files exist
            for (long cycle : queue.listCyclesBetween(first, last)) {
                if (cycle >= keepFrom) {
                    break;
                }
                String name = names.format(java.time.Instant.ofEpochMilli(cycleStartMillis((int) cycle))) + ".cq4";
                Path file = dir.resolve(name);
                try {
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, () -> "Cannot delete " + file + " (covered by a snapshot): " + e);
                }
            }
            if (deleted > 0) {
                queue.refreshDirectoryListing();
            }
        } finally {
            lock.unlock();
        }
        return deleted;
    }

    /** How many records the log holds after {@code position} ({@link #NO_POSITION}: all), from Chronicle's index. */
    public long countAfter(long position) {
        return LogReader.countAfter(queue, position);
    }

    /** Records appended by this run so far. */
    public long appendedRecords() {
        return appendedRecords;
    }

    /** Payload bytes (with their checksums) appended by this run so far. */
    public long appendedBytes() {
        return appendedBytes;
    }

    /** Chronicle's last index, found from the end of the newest file (not by reading from the start). */
    private long lastIndexOrUnknown() {
        try {
            return queue.lastIndex();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Cannot find the last index of " + dir + ": " + e);
            return NO_POSITION;
        }
    }

    /** State of one replay. */
    private final class Replay {
        /** What Chronicle finds at the end of the log before the replay starts: it must be reached. */
        private final long expectedLast;
        private final CRC32C crc = new CRC32C();
        private byte[] buf = new byte[256];
        private long records;
        private long voided;
        private long lastGood = NO_POSITION;
        private File file;
        private long end = -1;
        // the run of damaged records not yet known to be a tail, or voided
        private long firstBad = NO_POSITION;
        private long lastBad = NO_POSITION;
        private long badCount;
        private File firstBadFile;
        private long firstBadOffset;
        private String firstBadWhy;
        /** Highest data index read, damaged or not. */
        private long lastSeen = NO_POSITION;

        Replay(long expectedLast) {
            this.expectedLast = expectedLast;
        }

        void metaData(Bytes<?> bytes) {
            if (bytes.readRemaining() != VOID_LENGTH || bytes.readInt(bytes.readPosition()) != VOID_MAGIC)
                return; // Chronicle's own metadata (header, index)
            long p = bytes.readPosition();
            crc.reset();
            for (int i = 0; i < VOID_LENGTH - 4; i++)
                crc.update(bytes.readUnsignedByte(p + i));
            if ((int) crc.getValue() != bytes.readInt(p + VOID_LENGTH - 4))
                return;
            long from = bytes.readLong(p + 4);
            long to = bytes.readLong(p + 12);
            if (firstBad != NO_POSITION && from <= firstBad && lastBad <= to) {
                voided += badCount;
                LOG.log(Level.DEBUG, () -> "Skipping " + badCount + " record(s) voided as a torn tail: ["
                        + Long.toHexString(from) + ", " + Long.toHexString(to) + "]");
                firstBad = lastBad = NO_POSITION;
                badCount = 0;
            }
        }

        void data(long index, Bytes<?> bytes, RecordConsumer consumer) {
            lastSeen = index;
            long start = bytes.readPosition();
            long remaining = bytes.readRemaining();
            String why = null;
            int len = (int) remaining - CRC_BYTES;
            if (remaining < CRC_BYTES || remaining > Integer.MAX_VALUE) {
                why = "record of " + remaining + " bytes is too short";
            } else {
                int stored = bytes.readInt();
                if (buf.length < len)
                    buf = new byte[Math.max(len, buf.length * 2)];
                bytes.read(buf, 0, len);
                crc.reset();
                crc.update(buf, 0, len);
                if ((int) crc.getValue() != stored)
                    why = "CRC mismatch";
            }
            if (why != null) {
                if (firstBad == NO_POSITION) {
                    firstBad = index;
                    firstBadFile = file;
                    firstBadOffset = start - 4; // the document's header
                    firstBadWhy = why;
                }
                lastBad = index;
                badCount++;
                return;
            }
            if (firstBad != NO_POSITION)
                throw new LogCorruptedException("Redo log corrupted: " + firstBadWhy + " in the record at index "
                        + describe(firstBad) + " in " + firstBadFile + " (offset " + firstBadOffset + "), followed by "
                        + "a valid record at index " + describe(index)
                        + ": not a torn tail. Restore the file or truncate the log there.", firstBadFile, firstBad);
            records++;
            lastGood = index;
            consumer.accept(index, buf, 0, len);
        }

        LogCorruptedException unreadable(RuntimeException e) {
            long at = lastGood;
            LogCorruptedException x = new LogCorruptedException("Redo log unreadable after the record at index "
                    + (at == NO_POSITION ? "(none)" : describe(at)) + " in " + file + " (offset " + end + "): " + e,
                    file, at);
            x.initCause(e);
            return x;
        }

        ReplayResult finish() {
            if (expectedLast != NO_POSITION && lastSeen < expectedLast) {
                // A hole: a zeroed header (a page lost in a power loss) ends Chronicle's reading,
                // but records after it exist, and new ones would be appended after them, unseen.
                throw new LogCorruptedException("Redo log corrupted: reading stopped after index "
                        + (lastSeen == NO_POSITION ? "(none)" : describe(lastSeen)) + " in " + file + " (offset "
                        + alignedEnd() + "), but the log holds records up to index " + describe(expectedLast)
                        + ": an unreadable record header. Restore the file or truncate the log there.",
                        file, lastSeen);
            }
            boolean torn = false;
            long tornAt = NO_POSITION;
            if (firstBad != NO_POSITION) {
                torn = true;
                tornAt = firstBad;
                long from = firstBad;
                long to = lastBad;
                long n = badCount;
                LOG.log(Level.WARNING, () -> "Redo log " + dir + " ends with " + n + " damaged record(s) from index "
                        + describe(from) + " in " + firstBadFile + ": dropped as a torn tail (what a power loss leaves)");
                lock.lock();
                try {
                    pendingVoid = new long[]{from, to};
                } finally {
                    lock.unlock();
                }
            }
            if (incompleteHeaderAtEnd()) // (records beyond it, in a later file, would be a hole: see above)
                torn = true;
            return new ReplayResult(records, torn, lastGood, tornAt, voided);
        }

        private long alignedEnd() {
            return end + ((-end) & 3);
        }

        /** Whether a not-complete Chronicle header sits where the next document would start. */
        private boolean incompleteHeaderAtEnd() {
            if (file == null || end < 0)
                return false;
            long at = alignedEnd();
            try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
                if (at + 4 > raf.length())
                    return false;
                raf.seek(at);
                int header = Integer.reverseBytes(raf.readInt()); // Chronicle: little-endian
                return header != 0 && (header & NOT_COMPLETE) != 0 && header != END_OF_DATA;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    /** Under lock: "records [from, to] are a torn tail" as a metadata document. */
    private void writeVoidMarker() {
        long[] v = pendingVoid;
        byte[] b = new byte[VOID_LENGTH - 4];
        putIntLE(b, 0, VOID_MAGIC);
        putLongLE(b, 4, v[0]);
        putLongLE(b, 12, v[1]);
        CRC32C crc = new CRC32C();
        crc.update(b);
        try (DocumentContext dc = appender.writingDocument(true)) {
            Bytes<?> bytes = dc.wire().bytes();
            bytes.writeInt(VOID_MAGIC);
            bytes.writeLong(v[0]);
            bytes.writeLong(v[1]);
            bytes.writeInt((int) crc.getValue());
        }
        pendingVoid = null;
        LOG.log(Level.DEBUG, () -> "Voided the torn tail [" + Long.toHexString(v[0]) + ", " + Long.toHexString(v[1]) + "]");
    }

    private static void putIntLE(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++)
            b[at + i] = (byte) (v >>> (8 * i));
    }

    private static void putLongLE(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++)
            b[at + i] = (byte) (v >>> (8 * i));
    }

    private String describe(long index) {
        return "0x" + Long.toHexString(index) + " (cycle " + rollCycle.toCycle(index)
                + ", sequence " + rollCycle.toSequenceNumber(index) + ")";
    }

    /** Position of the last record appended (this run or before), or {@link #NO_POSITION}. */
    public long lastPosition() {
        return (long) LAST_APPENDED.getAcquire(this);
    }

    /** Highest position known to be on disk (forced by this run), or {@link #NO_POSITION}. */
    public long forcedPosition() {
        return syncer.forced();
    }

    /** How many times this run forced the log to disk. */
    public long forceCount() {
        return syncer.forceCount();
    }

    Syncer syncer() {
        return syncer;
    }

    /** The largest payload {@link #append} accepts. */
    public int maxRecordLength() {
        return maxRecordLength;
    }

    /**
     * Stops the interval thread, forces everything (except in {@link SyncMode#NONE}, which never
     * forces: the pages reach the disk when the OS writes them back, which is all NONE promises)
     * and closes the queue. Idempotent. Appends after close throw.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed)
                return;
            closed = true;
        } finally {
            lock.unlock();
        }
        try {
            syncer.stopInterval();
            if (mode != SyncMode.NONE)
                forceAll();
        } finally {
            syncer.close();
            appender.close();
            queue.close();
        }
    }

    @Override
    public String toString() {
        return "RedoLog[" + dir + ", sync=" + mode + ", last=" + Long.toHexString(lastPosition()) + "]";
    }

    /**
     * Chronicle's clock for choosing the cycle file: the wall clock, but never before the start
     * of the newest cycle already written, so that positions keep increasing if the clock is set
     * back (NTP, a VM restored, a restart on a host with another time).
     */
    static final class MonotonicClock implements TimeProvider {
        private final LongSupplier wallClock;
        private volatile long floor = Long.MIN_VALUE;

        MonotonicClock(LongSupplier wallClock) {
            this.wallClock = wallClock;
        }

        void floor(long millis) {
            if (millis > floor)
                floor = millis;
        }

        @Override
        public long currentTimeMillis() {
            long now = wallClock.getAsLong();
            long f = floor;
            return now < f ? f : now;
        }
    }
}
