package dev.lazarus.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Edits Lazarus's files the way an attacker who knows the format would: the change is made, then
 * every checksum that covers it is recomputed, so only the class checks can stop it.
 */
final class Tamper {
    private Tamper() {
    }

    /**
     * Replaces every occurrence of {@code from} by {@code to} (same length) in a Chronicle cycle
     * file, and fixes the CRC32C of each log record it touched. Returns the number of occurrences.
     */
    static int replaceInLog(Path cq4, String from, String to) throws IOException {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        if (f.length != t.length) {
            throw new IllegalArgumentException("same length only");
        }
        byte[] data = Files.readAllBytes(cq4);
        ByteBuffer le = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int n = 0;
        for (int at = indexOf(data, f, 0); at >= 0; at = indexOf(data, f, at + 1)) {
            int record = enclosingRecord(data, le, at, f.length);
            System.arraycopy(t, 0, data, at, t.length);
            int len = (le.getInt(record) & 0x3FFF_FFFF) - 4;
            CRC32C crc = new CRC32C();
            crc.update(data, record + 8, len);
            le.putInt(record + 4, (int) crc.getValue());
            n++;
        }
        Files.write(cq4, data);
        return n;
    }

    /** The Chronicle header offset of the log record that holds {@code [at, at + n)}: its CRC must hold. */
    private static int enclosingRecord(byte[] data, ByteBuffer le, int at, int n) {
        for (int p = at - 8; p >= Math.max(0, at - 4096); p--) {
            int len = le.getInt(p) & 0x3FFF_FFFF;
            if (len < 4 || p + 4 + len < at + n || p + 4 + len > data.length) {
                continue;
            }
            CRC32C crc = new CRC32C();
            crc.update(data, p + 8, len - 4);
            if ((int) crc.getValue() == le.getInt(p + 4)) {
                return p;
            }
        }
        throw new AssertionError("no log record around offset " + at);
    }

    /** The same in a snapshot file, whose trailer CRC32C (big-endian, last 4 bytes) is recomputed. */
    static int replaceInSnapshot(Path lzs, String from, String to) throws IOException {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        byte[] data = Files.readAllBytes(lzs);
        int n = 0;
        for (int at = indexOf(data, f, 0); at >= 0; at = indexOf(data, f, at + 1)) {
            System.arraycopy(t, 0, data, at, t.length);
            n++;
        }
        fixSnapshotCrc(data);
        Files.write(lzs, data);
        return n;
    }

    static void fixSnapshotCrc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length - 4, (int) crc.getValue()); // as Kryo writes it
    }

    /**
     * Offsets of the Chronicle headers of the log records in a cycle file (data documents whose
     * CRC32C holds), found by walking the documents from the start of the file.
     */
    static java.util.List<Integer> records(Path cq4) throws IOException {
        byte[] data = Files.readAllBytes(cq4);
        ByteBuffer le = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int p = 0; p + 4 <= data.length; ) {
            int header = le.getInt(p);
            int len = header & 0x3FFF_FFFF;
            if (header == 0 || p + 4 + len > data.length) {
                break;
            }
            if ((header & 0x4000_0000) == 0 && len >= 4) {
                CRC32C crc = new CRC32C();
                crc.update(data, p + 8, len - 4);
                if ((int) crc.getValue() == le.getInt(p + 4)) {
                    out.add(p);
                }
            }
            p += 4 + len;
            p += (-p) & 3;
        }
        return out;
    }

    /** Where the documents of a cycle file end: after its last non-zero byte. */
    static long endOfData(Path cq4) throws IOException {
        byte[] data = Files.readAllBytes(cq4);
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return end;
    }

    static void flipByte(Path file, long offset) throws IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x10);
        }
    }

    /** Zeroes {@code [from, to)}: what a lost page or a cut file leaves. */
    static void zero(Path file, long from, long to) throws IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(from);
            raf.write(new byte[(int) (to - from)]);
        }
    }

    static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
