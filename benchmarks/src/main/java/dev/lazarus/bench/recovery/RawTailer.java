package dev.lazarus.bench.recovery;

import dev.lazarus.bench.Child;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The floor of replay: the application's own Chronicle Queue (no agent) reading a Lazarus log
 * directory with a plain tailer, copying each record's bytes out (as replay must before decoding).
 * Run in a fresh JVM, like a recovering one; prints a figure for a cold pass (the JVM's first)
 * and one for a warm pass, plus the record sizes it saw. Given the index of a snapshot's last
 * record, the cold and warm passes read only the records after it (what recovery replays after
 * loading that snapshot), and a third pass, {@code tailerWhole}, reads the whole log.
 *
 * <pre>RawTailer LOG_DIR [AFTER_INDEX]</pre>
 */
public final class RawTailer {
    /** No index: from the start of the log. */
    private static final long WHOLE = -1;

    private RawTailer() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long after = args.length > 1 ? Long.parseLong(args[1]) : WHOLE;
        try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FIVE_MINUTELY)
                .readOnly(true).build()) {
            pass(q, "tailerCold", after, false);
            pass(q, "tailerWarm", after, false);
            if (after != WHOLE) {
                pass(q, "tailerWhole", WHOLE, false);
            }
            pass(q, "tailerSizes", WHOLE, true);
        }
        System.exit(0);
    }

    /**
     * One pass over the records after index {@code after}; {@code sizes}: also the end of the last
     * record of each file (its time is not a figure: that costs).
     */
    private static void pass(SingleChronicleQueue q, String name, long after, boolean sizes) {
        long records = 0;
        long payload = 0;
        long sink = 0;
        byte[] buf = new byte[256];
        Map<File, Long> ends = new HashMap<>();
        long t0 = System.nanoTime();
        try (ExcerptTailer tailer = q.createTailer()) {
            if (after != WHOLE && !tailer.moveToIndex(after)) {
                throw new IllegalStateException("no record at index " + Long.toHexString(after));
            }
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    if (dc.index() <= after) {
                        continue; // the record at the index itself: the snapshot covers it
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    int len = (int) bytes.readRemaining();
                    if (len > buf.length) {
                        buf = new byte[Math.max(len, buf.length * 2)];
                    }
                    bytes.read(buf, 0, len);
                    sink += buf[0];
                    records++;
                    payload += len;
                    if (sizes) {
                        ends.merge(tailer.currentFile(), bytes.readLimit(), Math::max);
                    }
                }
            }
        }
        long t1 = System.nanoTime();
        long fileBytes = ends.values().stream().mapToLong(Long::longValue).sum();
        Child.fig(name, "records", records, "nanos", t1 - t0, "payloadBytes", payload, "fileBytes", fileBytes,
                "sink", sink);
    }
}
