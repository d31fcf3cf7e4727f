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
 * and one for a warm pass, plus the record sizes it saw.
 *
 * <pre>RawTailer LOG_DIR</pre>
 */
public final class RawTailer {
    private RawTailer() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FIVE_MINUTELY)
                .readOnly(true).build()) {
            pass(q, "tailerCold", false);
            pass(q, "tailerWarm", false);
            pass(q, "tailerSizes", true);
        }
        System.exit(0);
    }

    /** One pass over the log; {@code sizes}: also the end of the last record of each file (not timed: it costs). */
    private static void pass(SingleChronicleQueue q, String name, boolean sizes) {
        long records = 0;
        long payload = 0;
        long sink = 0;
        byte[] buf = new byte[256];
        Map<File, Long> ends = new HashMap<>();
        long t0 = System.nanoTime();
        try (ExcerptTailer tailer = q.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
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
