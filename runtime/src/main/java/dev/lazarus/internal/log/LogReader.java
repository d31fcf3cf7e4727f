package dev.lazarus.internal.log;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a redo log without writing to it, taking no lock, while its application may be running:
 * for the operator's tools ({@link #read}: unlike {@link RedoLog#replay}, a damaged record does not
 * stop the reading, it is reported to the visitor, which decides what it means), and for the
 * snapshots built in the background ({@link #readBetween}).
 */
public final class LogReader implements AutoCloseable {
    /** Under the log's name: what the log finds when it opens. */
    private static final System.Logger LOG = System.getLogger(RedoLog.class.getName());

    /** What the reading finds, in log order. */
    public interface Visitor {
        /** A record whose CRC holds; {@code buf} is reused for the next record. */
        void record(long index, byte[] buf, int off, int len);

        /** A record whose CRC does not hold, or that is too short. */
        void damaged(long index, File file, String why);

        /** A void marker: an earlier recovery declared records {@code [from, to]} a torn tail. */
        default void voided(long from, long to) {
        }
    }

    private final Path dir;
    private final SingleChronicleQueue queue;

    private LogReader(Path dir, SingleChronicleQueue queue) {
        this.dir = dir;
        this.queue = queue;
    }

    /** Opens the log in {@code dir} read-only; a directory without log files reads as empty. */
    public static LogReader open(Path dir) {
        ChronicleQuiet.apply();
        if (!hasFiles(dir)) {
            return new LogReader(dir, null);
        }
        try {
            return new LogReader(dir, SingleChronicleQueueBuilder.binary(dir).rollCycle(RedoLog.DEFAULT_ROLL_CYCLE)
                    .readOnly(true).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the redo log in " + dir + ": " + e, e);
        }
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Index of the first record, or {@link RedoLog#NO_POSITION} if the log is empty. */
    public long firstIndex() {
        long i = queue == null ? Long.MAX_VALUE : queue.firstIndex();
        return i == Long.MAX_VALUE ? RedoLog.NO_POSITION : i;
    }

    /** Index of the last record, or {@link RedoLog#NO_POSITION} if the log is empty. */
    public long lastIndex() {
        if (queue == null) {
            return RedoLog.NO_POSITION;
        }
        long i = queue.lastIndex();
        return i < 0 ? RedoLog.NO_POSITION : i;
    }

    /**
     * Chronicle's last index, found from the end of the newest file (not by reading from the start).
     * When the end of the file is damaged Chronicle cannot find it (it fails, or with assertions on
     * trips one): then the last record is found by reading the log forwards.
     */
    static long lastIndexOrUnknown(SingleChronicleQueue queue, Path dir) {
        try {
            return queue.lastIndex();
        } catch (RuntimeException | AssertionError e) {
            LOG.log(Level.DEBUG, () -> "Cannot find the last index of " + dir + " from its end (" + e + "); reading it");
        }
        long last = RedoLog.NO_POSITION;
        try (ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return last;
                    }
                    if (!dc.isMetaData()) {
                        last = dc.index();
                    }
                }
            }
        } catch (RuntimeException e) {
            return last;
        }
    }

    /**
     * Why the log lacks its newest cycle file(s) — deleted after the log reached them, which
     * reading alone cannot tell from a log that ended earlier — or null if it does not.
     */
    public String missingNewest() {
        return LogHead.missing(dir, queue == null ? -1 : queue.lastCycle());
    }

    /** How many records follow {@code position} ({@link RedoLog#NO_POSITION}: all records), from the index. */
    public long countAfter(long position) {
        return queue == null ? 0 : countAfter(queue, position);
    }

    static long countAfter(SingleChronicleQueue queue, long position) {
        long last = queue.lastIndex();
        long first = queue.firstIndex();
        if (last < 0 || first == Long.MAX_VALUE) {
            return 0;
        }
        if (position != RedoLog.NO_POSITION && position >= last) {
            return 0;
        }
        long from = position == RedoLog.NO_POSITION || position < first ? first : position;
        long n = queue.countExcerpts(from, last) + 1; // [from, last) plus the last
        return position == RedoLog.NO_POSITION || position < first ? n : n - 1;
    }

    /** "0x... (cycle c, sequence s)": how the engine names positions in its messages. */
    public String describe(long index) {
        if (queue == null) {
            return "0x" + Long.toHexString(index);
        }
        return describe(queue.rollCycle(), index);
    }

    static String describe(RollCycle rollCycle, long index) {
        return "0x" + Long.toHexString(index) + " (cycle " + rollCycle.toCycle(index) + ", sequence "
                + rollCycle.toSequenceNumber(index) + ")";
    }

    /**
     * Reads every record after {@code after} ({@link RedoLog#NO_POSITION}: from the start) that
     * exists when the reading gets there; returns how many were read, damaged ones included.
     */
    public long read(long after, Visitor visitor) {
        if (queue == null) {
            return 0;
        }
        long n = 0;
        RecordFrame frame = new RecordFrame();
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (after != RedoLog.NO_POSITION && !tailer.moveToIndex(after)) {
                throw new IllegalArgumentException("the redo log in " + dir + " has no record at " + describe(after));
            }
            while (true) {
                try (DocumentContext dc = tailer.readingDocument(true)) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    if (dc.isMetaData()) {
                        voidMarker(bytes, visitor);
                        continue;
                    }
                    long index = dc.index();
                    if (index <= after) {
                        continue;
                    }
                    n++;
                    String damage = frame.read(bytes);
                    if (damage != null) {
                        visitor.damaged(index, tailer.currentFile(), damage);
                    } else {
                        visitor.record(index, frame.payload(), 0, frame.length());
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("net.openhft.")) {
                throw new LogCorruptedException("the redo log in " + dir + " is unreadable after " + n + " records: " + e,
                        null, RedoLog.NO_POSITION);
            }
            throw e;
        }
        return n;
    }

    /**
     * The reading behind {@link RedoLog#replayBetween}, which says what it does: like {@link #read}
     * lock-free and read-only, but it stops after {@code upTo} and a damaged record ends it.
     */
    static long readBetween(SingleChronicleQueue queue, Path dir, long after, long upTo, RecordConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        long read = 0;
        RecordFrame frame = new RecordFrame();
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (after != RedoLog.NO_POSITION && !tailer.moveToIndex(after)) {
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
                    String damage = frame.read(dc.wire().bytes());
                    if (damage != null) {
                        throw new LogCorruptedException("Redo log corrupted: damaged record at index "
                                + describe(queue.rollCycle(), index) + " in " + tailer.currentFile() + " (" + damage + ")",
                                tailer.currentFile(), index);
                    }
                    consumer.accept(index, frame.payload(), 0, frame.length());
                    read++;
                }
            }
        }
        return read;
    }

    private static void voidMarker(Bytes<?> bytes, Visitor visitor) {
        if (LogMarker.magic(bytes) == LogMarker.VOID_MAGIC) { // else Chronicle's own metadata, or a link
            visitor.voided(LogMarker.first(bytes), LogMarker.second(bytes));
        }
    }

    /** Bytes of the log's files on disk. */
    public static long sizeOnDisk(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX))
                    .mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public void close() {
        if (queue != null) {
            queue.close();
        }
    }
}
