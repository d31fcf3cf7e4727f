package dev.lazarus.internal.log;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * One recovery scan of the redo log ({@link RedoLog#replayAfter}, which says what it reports and
 * throws): reads the log from a position to its end, checks every record's frame ({@link RecordFrame})
 * and every link ({@link LogMarker}), tells a torn tail from damage in the middle, a zeroed tail from a
 * hole, and decides whether the log is cut. One instance reads once. It reaches into the log only
 * through {@link RedoLog#queue}, {@link RedoLog#describe}, {@link RedoLog#cut} and
 * {@link RedoLog#voidOnNextAppend}.
 */
final class RecoveryScan {
    /** Under the log's name: its warnings are the log's. */
    private static final System.Logger LOG = System.getLogger(RedoLog.class.getName());
    // Chronicle header bits (net.openhft.chronicle.wire.Wires)
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int END_OF_DATA = 0xC000_0000;

    private final RedoLog log;
    private final Path dir;
    private final OnCorruption onCorruption;
    /** The queue as the scan found it; only a cut, once reading is over, replaces it. */
    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    /** The record the scan starts after, or {@link RedoLog#NO_POSITION}: from the start. */
    private final long after;
    /** What Chronicle finds at the end of the log before the replay starts: it must be reached. */
    private final long expectedLast;
    private final RecordFrame frame = new RecordFrame();
    private long records;
    private long voided;
    private long lastGood = RedoLog.NO_POSITION;
    private File file;
    private long end = -1;
    // the run of damaged records not yet known to be a tail, or voided
    private long firstBad = RedoLog.NO_POSITION;
    private long lastBad = RedoLog.NO_POSITION;
    private long badCount;
    private File firstBadFile;
    private long firstBadOffset;
    private String firstBadWhy;
    /** Highest data index read, damaged or not; and the one read before it, if known. */
    private long lastSeen = RedoLog.NO_POSITION;
    private long prevSeen = RedoLog.NO_POSITION;
    /** Whether {@link #prevSeen} is known: not for the record a replay starts after. */
    private boolean prevKnown;
    /** With {@link OnCorruption#TRUNCATE}: damage met, reading stopped; the log is cut after {@link #lastGood}. */
    private boolean stopped;
    private String cutWhy;
    private final RecordConsumer consumer;
    /** The first record of a cycle file, held back until its link confirms that nothing before it is missing. */
    private long held = RedoLog.NO_POSITION;
    private byte[] heldBuf = new byte[256];
    private int heldLen;

    RecoveryScan(RedoLog log, Path dir, OnCorruption onCorruption, long after, RecordConsumer consumer) {
        this.log = log;
        this.dir = dir;
        this.onCorruption = onCorruption;
        this.queue = log.queue();
        this.rollCycle = queue.rollCycle();
        this.after = after;
        this.expectedLast = LogReader.lastIndexOrUnknown(queue, dir);
        this.prevKnown = after == RedoLog.NO_POSITION;
        this.consumer = consumer;
    }

    /** Reads the log to its end, then decides: see {@link RedoLog#replayAfter}. */
    ReplayResult run() {
        try (ExcerptTailer tailer = queue.createTailer()) {
            boolean skipFirst = false;
            if (after != RedoLog.NO_POSITION) {
                if (!tailer.moveToIndex(after)) {
                    throw new IllegalArgumentException("The redo log in " + dir + " has no record at position "
                            + Long.toHexString(after) + " (first " + Long.toHexString(queue.firstIndex())
                            + ", last " + Long.toHexString(LogReader.lastIndexOrUnknown(queue, dir)) + ")");
                }
                skipFirst = true;
            }
            while (!stopped) {
                try (DocumentContext dc = tailer.readingDocument(true)) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    file = tailer.currentFile();
                    end = bytes.readLimit();
                    if (dc.isMetaData()) {
                        metaData(bytes);
                        continue;
                    }
                    long index = dc.index();
                    if (skipFirst) {
                        skipFirst = false;
                        lastSeen = index;
                        if (index != after) {
                            throw new IllegalStateException("Expected the record at " + Long.toHexString(after)
                                    + " but found " + Long.toHexString(index));
                        }
                        continue;
                    }
                    data(index, bytes);
                }
            }
        } catch (LogCorruptedException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!e.getClass().getName().startsWith("net.openhft.")) {
                throw e; // the consumer's own
            }
            unreadable(e);
        }
        return finish();
    }

    private void metaData(Bytes<?> bytes) {
        int magic = LogMarker.magic(bytes);
        if (magic == 0) {
            if (RecordFrame.isWhole(bytes)) { // one flipped bit turns a record's header into a metadata header
                corrupt("a record whose header was damaged (marked as metadata) after index " + orNone(lastSeen), file,
                        bytes.readPosition() - 4, lastSeen);
            }
            return; // Chronicle's own metadata (header, index)
        }
        long a = LogMarker.first(bytes);
        long b = LogMarker.second(bytes);
        if (magic == LogMarker.LINK_MAGIC) {
            checkLink(a, b);
            return;
        }
        if (firstBad != RedoLog.NO_POSITION && a <= firstBad && lastBad <= b) {
            voided += badCount;
            LOG.log(Level.DEBUG, () -> "Skipping " + badCount + " record(s) voided as a torn tail: ["
                    + Long.toHexString(a) + ", " + Long.toHexString(b) + "]");
            firstBad = lastBad = RedoLog.NO_POSITION;
            badCount = 0;
        }
    }

    /** A link says: the record at {@code at}, just read, follows the record at {@code prev}. */
    private void checkLink(long at, long prev) {
        if (at != lastSeen) {
            held = RedoLog.NO_POSITION;
            corrupt("the file holds a link for the record at index " + log.describe(at) + " after the record at index "
                    + orNone(lastSeen) + ": a cycle file was replaced, renamed or reordered", file, alignedEnd(), lastSeen);
        } else if (prevKnown && prev != prevSeen) {
            held = RedoLog.NO_POSITION; // not delivered: the records before it are missing
            corrupt("the record at index " + log.describe(at) + " follows index "
                    + orNone(prev) + ", but the log before it ends at index "
                    + (prevSeen == RedoLog.NO_POSITION ? "(none: this is the log's first file)" : log.describe(prevSeen))
                    + ": the records between them are missing (a cycle file deleted or moved?)",
                    file, alignedEnd(), prevSeen);
        } else {
            release();
        }
    }

    private void data(long index, Bytes<?> bytes) {
        prevKnown |= lastSeen != RedoLog.NO_POSITION;
        prevSeen = lastSeen;
        lastSeen = index;
        long start = bytes.readPosition();
        String why = frame.read(bytes);
        byte[] buf = frame.payload();
        int len = frame.length();
        if (why != null) {
            if (firstBad == RedoLog.NO_POSITION) {
                firstBad = index;
                firstBadFile = file;
                firstBadOffset = start - 4; // the document's header
                firstBadWhy = why;
            }
            lastBad = index;
            badCount++;
            return;
        }
        if (firstBad != RedoLog.NO_POSITION) {
            corrupt(firstBadWhy + " in the record at index " + log.describe(firstBad) + ", followed by a valid record at index "
                    + log.describe(index) + ": not a torn tail", firstBadFile, firstBadOffset, firstBad);
            return;
        }
        release(); // no link after it: written before links existed, or the crash came in between
        if (prevSeen == RedoLog.NO_POSITION ? prevKnown : rollCycle.toCycle(prevSeen) != rollCycle.toCycle(index)) {
            if (heldBuf.length < len) {
                heldBuf = new byte[len];
            }
            System.arraycopy(buf, 0, heldBuf, 0, len);
            heldLen = len;
            held = index;
        } else {
            deliver(index, buf, len);
        }
    }

    private void release() {
        if (held != RedoLog.NO_POSITION) {
            long h = held;
            held = RedoLog.NO_POSITION;
            deliver(h, heldBuf, heldLen);
        }
    }

    private void deliver(long index, byte[] b, int len) {
        records++;
        lastGood = index;
        consumer.accept(index, b, 0, len);
    }

    /**
     * Damage that is not a torn tail: {@link OnCorruption#STOP} throws, naming the file and offset;
     * {@link OnCorruption#TRUNCATE} stops reading here and cuts the log after the last good record.
     */
    private void corrupt(String what, File where, long offset, long index) {
        String at = " in " + where + " (offset " + offset + ")";
        release(); // a held record before the damage is good
        if (onCorruption == OnCorruption.STOP) {
            throw new LogCorruptedException("Redo log corrupted: " + what + at + ". Restore the file from a backup,"
                    + " or start with onCorruption=truncate to keep the records before it (the rest is moved aside).",
                    where, index);
        }
        stopped = true;
        if (cutWhy == null) {
            cutWhy = what + at;
        }
    }

    private void unreadable(RuntimeException e) {
        long at = lastGood;
        String what = "unreadable after the record at index " + orNone(at) + ": " + e;
        if (onCorruption == OnCorruption.STOP) {
            LogCorruptedException x = new LogCorruptedException("Redo log " + what + " in " + file + " (offset " + end
                    + "). Restore the file from a backup, or start with onCorruption=truncate to keep the records"
                    + " before it.", file, at);
            x.initCause(e);
            throw x;
        }
        corrupt(what, file, end, at);
    }

    private ReplayResult finish() {
        if (!stopped) {
            release();
        }
        boolean zeroedTail = false;
        if (!stopped && stoppedBeforeTheEnd()) {
            if (zerosToTheClaimedEnd()) {
                zeroedTail = true; // a cut: what a crash or a lost page at the end leaves
            } else {
                // A hole: a zeroed header (a page lost in a power loss) ends Chronicle's reading,
                // but records after it exist, and new ones would be appended after them, unseen.
                corrupt("reading stopped after index " + orNone(lastSeen)
                        + " but the log holds records up to index " + log.describe(Math.max(expectedLast, lastSeen + 1))
                        + ": an unreadable record header", file, alignedEnd(), lastSeen);
            }
        }
        if (stopped || zeroedTail) {
            long kept = lastGood;
            String why = stopped ? cutWhy : "the end of " + file + " from offset " + alignedEnd() + " is zeroed";
            Path aside = log.cut(kept);
            LOG.log(Level.WARNING, () -> "Redo log " + dir + ": " + why + ". "
                    + (stopped ? "onCorruption=truncate: kept" : "A torn tail: kept") + " the records up to index "
                    + orNone(kept) + " and dropped everything after it;"
                    + " the damaged files are kept in " + aside);
            return new ReplayResult(records, true, lastGood, kept, voided);
        }
        boolean torn = false;
        long tornAt = RedoLog.NO_POSITION;
        if (firstBad != RedoLog.NO_POSITION) {
            torn = true;
            tornAt = firstBad;
            long from = firstBad;
            long to = lastBad;
            long n = badCount;
            LOG.log(Level.WARNING, () -> "Redo log " + dir + " ends with " + n + " damaged record(s) from index "
                    + log.describe(from) + " in " + firstBadFile + ": dropped as a torn tail (what a power loss leaves)");
            log.voidOnNextAppend(from, to);
        }
        if (incompleteHeaderAtEnd()) { // (records beyond it, in a later file, would be a hole: see above)
            torn = true;
        }
        return new ReplayResult(records, torn, lastGood, tornAt, voided);
    }

    /**
     * Whether Chronicle says the log goes on after where reading stopped: its last index is
     * beyond, or the header of the newest file places its last document beyond.
     */
    private boolean stoppedBeforeTheEnd() {
        if (expectedLast != RedoLog.NO_POSITION && lastSeen < expectedLast) {
            return true;
        }
        return file != null && lastSeen != RedoLog.NO_POSITION && rollCycle.toCycle(lastSeen) == queue.lastCycle()
                && claimedEnd() > alignedEnd();
    }

    /** Just past the last document that the newest file's header claims, or -1. */
    private long claimedEnd() {
        int cycle = queue.lastCycle();
        try (SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), false, null)) {
            if (store == null) {
                return -1;
            }
            long wp = store.writePosition();
            net.openhft.chronicle.bytes.MappedBytes bytes = store.bytes(); // a new one: released below
            try {
                return wp + 4 + (bytes.readVolatileInt(wp) & 0x3FFF_FFFF);
            } finally {
                bytes.releaseLast();
            }
        }
    }

    /** Whether everything from where reading stopped to the end the newest file claims is zero. */
    private boolean zerosToTheClaimedEnd() {
        if (file == null || lastSeen == RedoLog.NO_POSITION || rollCycle.toCycle(lastSeen) != queue.lastCycle()) {
            return false;
        }
        long from = alignedEnd();
        long to = claimedEnd();
        if (from >= to) {
            return false; // reading went past the claimed end: a damaged header made a record swallow others
        }
        try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
            to = Math.min(to, raf.length());
            byte[] chunk = new byte[1 << 16];
            raf.seek(from);
            for (long at = from; at < to; ) {
                int n = raf.read(chunk, 0, (int) Math.min(chunk.length, to - at));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != 0) {
                        return false;
                    }
                }
                at += n;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** An index for messages: described, or "(none)". */
    private String orNone(long index) {
        return index == RedoLog.NO_POSITION ? "(none)" : log.describe(index);
    }

    private long alignedEnd() {
        return end + ((-end) & 3);
    }

    /** Whether a not-complete Chronicle header sits where the next document would start. */
    private boolean incompleteHeaderAtEnd() {
        if (file == null || end < 0) {
            return false;
        }
        long at = alignedEnd();
        try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
            if (at + 4 > raf.length()) {
                return false;
            }
            raf.seek(at);
            int header = Integer.reverseBytes(raf.readInt()); // Chronicle: little-endian
            return header != 0 && (header & NOT_COMPLETE) != 0 && header != END_OF_DATA;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
