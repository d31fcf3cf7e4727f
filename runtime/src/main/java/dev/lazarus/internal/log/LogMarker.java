package dev.lazarus.internal.log;

import net.openhft.chronicle.bytes.Bytes;

import java.util.zip.CRC32C;

/**
 * Our own Chronicle metadata documents: {magic, a, b, CRC32C of the 20 bytes before it}, little-endian.
 * The one place that writes them and checks them: the appender writes them, recovery's scan, the
 * tail cutter and the CLI's reader read them. Two kinds, told apart by the magic number:
 * <ul>
 * <li>a void marker, {@link #VOID_MAGIC}: "records [a = from, b = to] were a torn tail; skip them";
 * <li>a link, {@link #LINK_MAGIC}, after the first record of every run and of every cycle file: "the
 *     record at a follows the record at b". Replay checks it against what it read, so a cycle file
 *     deleted, moved or swapped is not skipped silently.
 * </ul>
 */
final class LogMarker {
    /** A void marker. */
    static final int VOID_MAGIC = 0x4C5A_5644; // "DVZL" in the file (little-endian)
    /** A link. */
    static final int LINK_MAGIC = 0x4C5A_4B4C; // "LKZL"
    /** The length of either kind. */
    static final int LENGTH = 4 + 8 + 8 + 4;

    private LogMarker() {
    }

    /** Writes one marker into an empty metadata document. */
    static void write(Bytes<?> document, int magic, long a, long b) {
        byte[] m = new byte[LENGTH - 4];
        putIntLE(m, 0, magic);
        putLongLE(m, 4, a);
        putLongLE(m, 12, b);
        CRC32C crc = new CRC32C();
        crc.update(m);
        document.writeInt(magic);
        document.writeLong(a);
        document.writeLong(b);
        document.writeInt((int) crc.getValue());
    }

    /**
     * The magic number of the intact marker that fills {@code document} from its read position, or 0
     * (Chronicle's own metadata, or damaged). Reads nothing (the position does not move).
     */
    static int magic(Bytes<?> document) {
        if (document.readRemaining() != LENGTH) {
            return 0;
        }
        long p = document.readPosition();
        int magic = document.readInt(p);
        if (magic != VOID_MAGIC && magic != LINK_MAGIC) {
            return 0;
        }
        CRC32C crc = new CRC32C();
        for (int i = 0; i < LENGTH - 4; i++) {
            crc.update(document.readUnsignedByte(p + i));
        }
        return (int) crc.getValue() == document.readInt(p + LENGTH - 4) ? magic : 0;
    }

    /** Whether {@code document} is one of our intact markers: the metadata worth keeping when a file is rebuilt. */
    static boolean isOurs(Bytes<?> document) {
        return magic(document) != 0;
    }

    /** The marker's first number (a void marker's {@code from}, a link's record); the position does not move. */
    static long first(Bytes<?> document) {
        return document.readLong(document.readPosition() + 4);
    }

    /** The marker's second number (a void marker's {@code to}, a link's previous record); the same. */
    static long second(Bytes<?> document) {
        return document.readLong(document.readPosition() + 12);
    }

    private static void putIntLE(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void putLongLE(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
