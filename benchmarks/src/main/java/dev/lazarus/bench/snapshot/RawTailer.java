package dev.lazarus.bench.snapshot;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * The floor of replay: a raw Chronicle tailer (the application's own Chronicle, no agent) reading
 * the records of a Lazarus log directory and copying each payload out, as replay does before
 * decoding. Run in a JVM of its own (fresh, like a recovering one) by {@link SnapshotFigures}.
 *
 * <pre>java ... RawTailer LOG_DIR AFTER_POSITION_DECIMAL|-1 [ROLL_CYCLE]</pre>
 */
public final class RawTailer {
    private RawTailer() {
    }

    public static void main(String[] args) {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("disable.perf.info", "true");
        System.setProperty("chronicle.disk.monitor.disable", "true");
        Path dir = Path.of(args[0]);
        long after = Long.parseLong(args[1]);
        RollCycle cycle = args.length > 2 && args[2].equals("TEST_SECONDLY") ? TestRollCycles.TEST_SECONDLY
                : RollCycles.FIVE_MINUTELY;
        try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(dir).rollCycle(cycle).readOnly(true).build()) {
            for (int pass = 1; pass <= 2; pass++) {
                pass(q, after, "after-snapshot pass " + pass);
            }
            pass(q, -1, "whole log");
        }
        System.exit(0);
    }

    private static void pass(SingleChronicleQueue q, long after, String label) {
        long t0 = System.nanoTime();
        long records = 0;
        long bytes = 0;
        byte[] buf = new byte[256];
        long sink = 0;
        try (ExcerptTailer tailer = q.createTailer()) {
            if (after >= 0 && !tailer.moveToIndex(after)) {
                throw new IllegalStateException("no record at " + Long.toHexString(after));
            }
            while (true) {
                try (DocumentContext dc = tailer.readingDocument(true)) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    if (dc.isMetaData() || dc.index() <= after) {
                        continue;
                    }
                    Bytes<?> b = dc.wire().bytes();
                    int len = (int) b.readRemaining();
                    if (buf.length < len) {
                        buf = new byte[Math.max(len, buf.length * 2)];
                    }
                    b.read(buf, 0, len);
                    sink += buf[0];
                    records++;
                    bytes += len;
                }
            }
        }
        long t1 = System.nanoTime();
        Fig.print("rawTailer", "label", label.replace(' ', '_'), "records", records, "bytes", bytes,
                "ms", (t1 - t0) / 1e6, "recordsPerSec", records * 1e9 / Math.max(1, t1 - t0), "sink", sink & 1);
    }
}
