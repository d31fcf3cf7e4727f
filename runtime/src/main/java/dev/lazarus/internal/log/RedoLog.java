package dev.lazarus.internal.log;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The redo log: a Chronicle Queue (memory-mapped {@code .cq4} files) in a directory that the
 * caller has created and locked against other JVMs.
 *
 * <h2>Records</h2>
 * One record is one Chronicle data document framed by {@link RecordFrame}: a 4-byte CRC32C of the
 * payload, then the payload.
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
 * {@link #open} frees the Chronicle locks a killed writer left ({@link ChronicleOpener}, which says
 * why); the killed writer's half-written record is invisible, and the next append overwrites it.
 *
 * <h2>Torn tails and corruption</h2>
 * What recovery is told: {@link #replayAfter}. How it tells a torn tail from damage in the middle,
 * and when it cuts the log: {@link RecoveryScan}.
 */
public final class RedoLog implements AutoCloseable {
    static {
        ChronicleQuiet.apply(); // before any Chronicle class initialises
    }

    /** "No record": the position of an empty log, or before the first record. */
    public static final long NO_POSITION = -1L;

    /** The roll cycle of the log: see {@link ChronicleOpener#rollCycleFromProperty}. */
    static final RollCycle DEFAULT_ROLL_CYCLE = ChronicleOpener.rollCycleFromProperty();

    private static final System.Logger LOG = System.getLogger(RedoLog.class.getName());

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
    /** Replaced only by a cut during recovery, before the first append of the run. */
    private volatile SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final MonotonicClock clock;
    private final OnCorruption onCorruption;
    private final TailCutter cutter;
    private final LogHead head;
    /**
     * Whether the head may advance: once a replay has checked it, or this run appended. Not before,
     * so that opening a log to read it (a refused {@code compact}) writes nothing.
     */
    private volatile boolean headInUse;
    /** Guarded by lock. */
    private ExcerptAppender appender;
    private final Syncer syncer;
    private final int maxRecordLength;
    /** Guarded by lock. */
    private final SpaceReserver reserver = new SpaceReserver();
    /** Made once, not per append: reads the appender of the moment (a cut replaces it). */
    private final Supplier<File> currentFile = () -> appender.currentFile();

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private boolean closed;
    private int currentCycle = Integer.MIN_VALUE;
    /** The fault that stopped writing (a full disk): every later append is refused. */
    private LogWriteException writeFailure;
    /** A torn tail found by replay, to be voided before the next record: {from, to}. */
    private long[] pendingVoid;
    /** Payload bytes appended by this run; written under lock, read racily (a trigger, not an account). */
    private long appendedBytes;
    /** Records appended by this run; the same. */
    private long appendedRecords;
    /** Written under lock with release semantics, read anywhere with acquire. */
    @SuppressWarnings("unused")
    private long lastAppended;

    private RedoLog(Path dir, SyncMode mode, SingleChronicleQueue queue, MonotonicClock clock, OnCorruption onCorruption) {
        this.dir = dir;
        this.mode = mode;
        this.queue = queue;
        this.rollCycle = queue.rollCycle();
        this.clock = clock;
        this.onCorruption = onCorruption;
        this.cutter = new TailCutter(dir, rollCycle, this::fileOf);
        this.maxRecordLength = (int) Math.min(queue.overlapSize() - RecordFrame.OVERHEAD - 64, (1 << 30) - 1 - RecordFrame.OVERHEAD - 64);

        int lastCycle = queue.lastCycle();
        if (lastCycle >= 0) { // the clock must not go back before the last cycle file
            clock.floor(cycleStartMillis(lastCycle));
        }
        ChronicleOpener.releaseLocks(queue, dir);
        this.appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true); // used under our lock, from many threads

        long last = LogReader.lastIndexOrUnknown(queue, dir);
        this.lastAppended = last;
        this.head = new LogHead(dir, mode != SyncMode.NONE);
        this.syncer = new Syncer(dir, this::lastPosition, NO_POSITION, this::reached);
        // A previous run may have died before forcing: the first force covers the existing files too.
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX))
                    .sorted()
                    .forEach(p -> syncer.register(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        try (Stream<Path> files = Files.list(dir)) { // Chronicle creates them with the process umask
            files.filter(Files::isRegularFile).forEach(OwnerOnly::restrict);
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
        return open(dir, mode, syncIntervalMs, OnCorruption.STOP);
    }

    /** The same, with what replay does with a damaged record in the middle ({@link OnCorruption}). */
    public static RedoLog open(Path dir, SyncMode mode, long syncIntervalMs, OnCorruption onCorruption) {
        return open(dir, mode, syncIntervalMs, DEFAULT_ROLL_CYCLE, System::currentTimeMillis, onCorruption);
    }

    /** For tests: another roll cycle, another clock. */
    static RedoLog open(Path dir, SyncMode mode, long syncIntervalMs, RollCycle rollCycle, LongSupplier wallClock) {
        return open(dir, mode, syncIntervalMs, rollCycle, wallClock, OnCorruption.STOP);
    }

    static RedoLog open(Path dir, SyncMode mode, long syncIntervalMs, RollCycle rollCycle, LongSupplier wallClock,
                        OnCorruption onCorruption) {
        ChronicleQuiet.apply();
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(mode, "mode");
        if (mode == SyncMode.INTERVAL && syncIntervalMs <= 0) {
            throw new IllegalArgumentException("syncIntervalMs must be > 0, was " + syncIntervalMs);
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a directory: " + dir);
        }
        Objects.requireNonNull(onCorruption, "onCorruption");
        MonotonicClock clock = new MonotonicClock(wallClock);
        ChronicleOpener.removeUnfinishedMetadata(dir);
        SingleChronicleQueue queue = ChronicleOpener.build(dir, rollCycle, clock);
        RedoLog log;
        try {
            log = new RedoLog(dir, mode, queue, clock, onCorruption);
        } catch (RuntimeException | Error e) {
            queue.close();
            throw e;
        }
        try {
            if (mode != SyncMode.NONE) {
                log.forceAll();
            }
            if (mode == SyncMode.INTERVAL) {
                log.syncer.startInterval(syncIntervalMs);
            }
        } catch (RuntimeException | Error e) {
            log.close();
            throw e;
        }
        LOG.log(Level.DEBUG, () -> "Opened redo log " + dir + " (sync=" + mode + ", last position "
                + Long.toHexString(log.lastPosition()) + ")");
        return log;
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
        if (len > maxRecordLength) {
            throw new IllegalArgumentException("Redo record of " + len + " bytes exceeds the maximum of " + maxRecordLength);
        }
        int checksum = RecordFrame.checksum(buf, off, len);
        ReentrantLock lock = this.lock;
        lock.lock();
        try {
            if (closed || writeFailure != null) {
                throw closedOrFailed();
            }
            try {
                if (pendingVoid != null) {
                    writeVoidMarker();
                }
                reserveFor(len);
                try (DocumentContext dc = appender.writingDocument()) {
                    try {
                        RecordFrame.write(dc.wire().bytes(), checksum, buf, off, len);
                    } catch (RuntimeException | Error e) {
                        dc.rollbackOnClose();
                        throw e;
                    }
                }
                long position = appender.lastIndexAppended();
                appendedBytes += len + RecordFrame.OVERHEAD;
                appendedRecords++;
                int cycle = rollCycle.toCycle(position);
                if (cycle != currentCycle) {
                    enterCycle(cycle, position);
                }
                LAST_APPENDED.setRelease(this, position);
                return position;
            } catch (InternalError e) { // a page of the mapped file could not be backed: see LogWriteException
                throw failed(e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under lock. */
    private IllegalStateException closedOrFailed() {
        if (closed) {
            return new IllegalStateException("Redo log in " + dir + " is closed");
        }
        return new LogWriteException(writeFailure.getMessage(), writeFailure);
    }

    /**
     * Under lock: makes sure the disk can take the next document ({@link SpaceReserver}). Before the
     * run's first write nothing is mapped yet, and that write opens or creates the file itself.
     */
    private void reserveFor(int len) {
        Wire wire = appender.wire();
        if (wire == null) {
            return;
        }
        try {
            reserver.ensure(appender.cycle(), wire.bytes().writePosition(), len + RecordFrame.OVERHEAD, currentFile);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Under lock: the first write that faulted; every later append is refused with the same message. */
    private LogWriteException failed(Throwable e) {
        writeFailure = LogWriteException.writingFailed(dir, e);
        LOG.log(Level.ERROR, writeFailure.getMessage());
        return writeFailure;
    }

    /** Rare path: the first record of this run, or of a new cycle file. Under lock. */
    private void enterCycle(int cycle, long position) {
        currentCycle = cycle;
        headInUse = true;
        clock.floor(cycleStartMillis(cycle));
        writeMarker(LogMarker.LINK_MAGIC, position, (long) LAST_APPENDED.getAcquire(this));
        syncer.register(appender.currentFile()); // before the position is published
        OwnerOnly.restrict(appender.currentFile().toPath());
        if (mode == SyncMode.NONE) { // nothing is forced: the head follows the first record instead
            reached(position);
        }
    }

    /** The record at {@code position} is on disk (or, without forcing, written): the log has reached its cycle file. */
    private void reached(long position) {
        if (headInUse && position != NO_POSITION) {
            int cycle = rollCycle.toCycle(position);
            head.advance(cycle, fileOf(cycle).getFileName().toString());
        }
    }

    /**
     * Before a replay: a log whose newest cycle file (as {@link LogHead} recorded it) is gone would
     * read as a log that ended earlier. Refused, or with {@link OnCorruption#TRUNCATE} accepted.
     */
    private void checkHead() {
        int last = queue.lastCycle();
        String missing = head.missing(last);
        headInUse = true;
        if (missing == null) {
            return;
        }
        if (onCorruption == OnCorruption.STOP) {
            throw new LogCorruptedException("Redo log incomplete: " + missing + ". Restore the file from a backup, or"
                    + " start with onCorruption=truncate to accept the log as it is.", dir.resolve(LogHead.FILE_NAME).toFile(),
                    NO_POSITION);
        }
        LOG.log(Level.WARNING, "Redo log " + dir + ": " + missing + ". onCorruption=truncate: going on with the log as it is");
        head.reset(last, last < 0 ? null : fileOf(last).getFileName().toString());
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
        if (mode != SyncMode.ALWAYS || position == NO_POSITION) {
            return;
        }
        if (position > lastPosition()) {
            throw new IllegalArgumentException("Position " + Long.toHexString(position) + " was never appended");
        }
        syncer.awaitForced(position);
    }

    /**
     * Returns once the record at {@code position}, and all before it, is on disk, in every mode
     * but {@link SyncMode#NONE} (which never forces). A snapshot covering {@code position} is written
     * only after this: were it on disk before the log it summarises, a power loss could leave the
     * log ending before it, and the next run would append records at positions the snapshot
     * claims to cover, which the recovery after would skip.
     */
    public void forceForSnapshot(long position) {
        if (mode != SyncMode.NONE && position != NO_POSITION) {
            syncer.awaitForced(position);
        }
    }

    /** Forces everything appended so far, whatever the mode, and returns once it is on disk. */
    public void forceAll() {
        long last = lastPosition();
        if (last != NO_POSITION) {
            syncer.awaitForced(last);
        }
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
     * The link after the first record of each run and cycle file is checked too, so a cycle file
     * missing, moved or swapped in the middle is corruption as well.
     *
     * <p>With {@link OnCorruption#TRUNCATE}, corruption does not throw: reading stops before the first
     * bad record, and the log is cut after the last good one ({@link TailCutter}: the damaged files are
     * moved aside, a warning names them). A cut or zeroed tail (reading stops before the end Chronicle
     * claims, and only zeros lie between) is cut the same way in both modes, so that the next append
     * follows the last good record instead of landing beyond the zeroed gap.
     *
     * <p>Replay may run while other threads append (it sees at least what was appended before it
     * started) but is meant for recovery, before the first append of a run.
     *
     * @throws LogCorruptedException    on corruption
     * @throws IllegalArgumentException if {@code position} is not a record of this log
     */
    public ReplayResult replayAfter(long position, RecordConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        checkHead();
        return new RecoveryScan(this, dir, onCorruption, position, consumer).run();
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
        return LogReader.readBetween(queue, dir, after, upTo, consumer);
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
                Path file = fileOf((int) cycle);
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

    /**
     * Why this log does not hold the record at {@code position} (it holds no record, or others), or
     * null if it does. Recovery asks it for the position its snapshot covers.
     */
    public String missingRecord(long position) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (tailer.moveToIndex(position)) {
                return null;
            }
        }
        long last = LogReader.lastIndexOrUnknown(queue, dir);
        return "the redo log in " + dir + (last == NO_POSITION ? " holds no record" : " holds records " + describe(queue.firstIndex())
                + " to " + describe(last) + " but not " + describe(position));
    }

    /** The cycle file that holds (or held) the records of {@code cycle}. */
    private Path fileOf(int cycle) {
        java.time.format.DateTimeFormatter names = java.time.format.DateTimeFormatter.ofPattern(rollCycle.format())
                .withZone(java.time.ZoneOffset.UTC);
        return dir.resolve(names.format(java.time.Instant.ofEpochMilli(cycleStartMillis(cycle))) + SingleChronicleQueue.SUFFIX);
    }

    /** Where a record is, for messages: its index, cycle, sequence and file. */
    public String where(long position) {
        return "log record " + describe(position) + " in " + fileOf(rollCycle.toCycle(position));
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

    /**
     * Recovery only, before the first append of the run: keeps the records up to {@code kept}, moves
     * the damaged rest aside ({@link TailCutter}) and reopens the queue. Returns where it went.
     */
    Path cut(long kept) {
        lock.lock();
        try {
            TailCutter.Plan plan = cutter.prepare(queue, kept,
                    (d, cycle) -> ChronicleOpener.build(d, rollCycle, new MonotonicClock(() -> cycleStartMillis(cycle))));
            appender.close();
            queue.close();
            closeReserver(); // the cut replaces the file
            cutter.swap(plan);
            SingleChronicleQueue reopened = ChronicleOpener.build(dir, rollCycle, clock);
            reopened.refreshDirectoryListing();
            queue = reopened;
            ChronicleOpener.releaseLocks(reopened, dir);
            appender = reopened.createAppender();
            appender.singleThreadedCheckDisabled(true);
            currentCycle = Integer.MIN_VALUE;
            pendingVoid = null;
            int last = reopened.lastCycle();
            head.reset(last, last < 0 ? null : fileOf(last).getFileName().toString());
            LAST_APPENDED.setRelease(this, LogReader.lastIndexOrUnknown(queue, dir));
            if (plan.target() != null) {
                syncer.register(plan.target().toFile());
            }
            return plan.asideDir();
        } finally {
            lock.unlock();
        }
    }

    /** Recovery: records [from, to] are a torn tail, to be voided before the next record is appended. */
    void voidOnNextAppend(long from, long to) {
        lock.lock();
        try {
            pendingVoid = new long[]{from, to};
        } finally {
            lock.unlock();
        }
    }

    /** Under lock: "records [from, to] are a torn tail" as a metadata document. */
    private void writeVoidMarker() {
        long[] v = pendingVoid;
        writeMarker(LogMarker.VOID_MAGIC, v[0], v[1]);
        pendingVoid = null;
        LOG.log(Level.DEBUG, () -> "Voided the torn tail [" + Long.toHexString(v[0]) + ", " + Long.toHexString(v[1]) + "]");
    }

    /** Under lock: one of our metadata documents ({@link LogMarker}). */
    private void writeMarker(int magic, long a, long b) {
        try (DocumentContext dc = appender.writingDocument(true)) {
            LogMarker.write(dc.wire().bytes(), magic, a, b);
        }
    }

    /** "0x... (cycle c, sequence s)": how messages name a position. */
    String describe(long index) {
        return LogReader.describe(rollCycle, index);
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

    /** The queue of the moment (a cut replaces it). */
    SingleChronicleQueue queue() {
        return queue;
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
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        try {
            syncer.stopInterval();
            if (mode != SyncMode.NONE) {
                forceAll();
            }
        } finally {
            syncer.close();
            closeReserver();
            appender.close();
            queue.close();
        }
    }

    private void closeReserver() {
        try {
            reserver.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "Closing the space reservation of " + dir + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "RedoLog[" + dir + ", sync=" + mode + ", last=" + Long.toHexString(lastPosition()) + "]";
    }
}
