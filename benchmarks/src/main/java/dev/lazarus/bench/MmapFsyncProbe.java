package dev.lazarus.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Not a benchmark of Lazarus: the reproduction behind the "forcing per commit" finding, without
 * Lazarus or Chronicle. A file of 256 MB; {@code prefill} MB written first, through a memory mapping
 * or with {@code write(2)}; then 40-byte writes through a mapping, each followed by an {@code fsync}
 * of the file through a separate descriptor (what the redo log's {@code Syncer} does). Prints the
 * fsync latency for each variant.
 *
 * <pre>java -cp ... dev.lazarus.bench.MmapFsyncProbe [DIR] [PREFILL_MB]</pre>
 */
public final class MmapFsyncProbe {
    private MmapFsyncProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        long prefill = (args.length > 1 ? Long.parseLong(args[1]) : 70) << 20;
        run(dir, 0, false);
        run(dir, prefill, true);
        run(dir, prefill, false);
    }

    private static void run(Path dir, long prefill, boolean throughMapping) throws IOException {
        Path f = Files.createTempFile(dir, "mmap-fsync", ".bin");
        int n = 1500;
        long[] t = new long[n];
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw"); RandomAccessFile ro = new RandomAccessFile(f.toFile(), "r")) {
            raf.setLength(256L << 20);
            FileChannel ch = raf.getChannel();
            if (throughMapping) {
                MappedByteBuffer pre = ch.map(FileChannel.MapMode.READ_WRITE, 0, Math.max(prefill, 1));
                for (int p = 0; p + 8 <= prefill; p += 8) {
                    pre.putLong(p, p);
                }
            } else {
                ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
                for (long p = 0; p < prefill; p += b.capacity()) {
                    b.clear();
                    ch.write(b, p);
                }
            }
            ro.getFD().sync();
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, prefill, 64L << 20);
            int pos = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 40; k += 8) {
                    m.putLong(pos, i);
                    pos += 8;
                }
                long s = System.nanoTime();
                ro.getFD().sync();
                t[i] = System.nanoTime() - s;
            }
        } finally {
            Files.deleteIfExists(f);
        }
        Arrays.sort(t);
        System.out.printf("%3d MB written %-18s then 40-byte writes through a mapping + fsync: p50 %4d µs, p90 %4d µs%n",
                prefill >> 20, prefill == 0 ? "" : throughMapping ? "through a mapping," : "with write(2),",
                t[n / 2] / 1000, t[n * 9 / 10] / 1000);
    }
}
