package dev.lazarus.internal.log;

import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The frame of one redo record inside its Chronicle data document: a 4-byte CRC32C of the
 * payload, then the payload. The one place that writes it and checks it: the appender, recovery's
 * scan, the background reader and the CLI's reader all go through here.
 *
 * <p>A reader keeps one instance (it is not thread-safe): its buffer holds the payload of the last
 * frame read, valid until the next {@link #read}.
 */
final class RecordFrame {
    /** What the frame adds to the payload. */
    static final int OVERHEAD = 4;

    private final CRC32C crc = new CRC32C();
    private byte[] payload = new byte[256];
    private int length;

    /** The checksum of {@code buf[off, off + len)}; computed before the writer takes its lock. */
    static int checksum(byte[] buf, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(buf, off, len);
        return (int) c.getValue();
    }

    /** Writes a frame whose checksum {@link #checksum} computed. */
    static void write(Bytes<?> document, int checksum, byte[] buf, int off, int len) {
        document.writeInt(checksum);
        document.write(buf, off, len);
    }

    /**
     * Reads the frame that fills {@code document} from its read position: null when it is whole
     * (the payload is then in {@link #payload()}, {@link #length()} bytes), else why it is damaged.
     */
    String read(Bytes<?> document) {
        long remaining = document.readRemaining();
        if (remaining < OVERHEAD || remaining - OVERHEAD > Integer.MAX_VALUE - 8) {
            length = 0;
            return "record of " + remaining + " bytes is too " + (remaining < OVERHEAD ? "short" : "long");
        }
        int len = (int) (remaining - OVERHEAD);
        int stored = document.readInt();
        if (payload.length < len) {
            payload = new byte[Math.max(len, payload.length * 2)];
        }
        document.read(payload, 0, len);
        length = len;
        crc.reset();
        crc.update(payload, 0, len);
        return (int) crc.getValue() == stored ? null : "CRC mismatch";
    }

    /**
     * Whether {@code document}, from its read position, holds a whole frame, whatever its header
     * says; reads nothing (the position does not move).
     */
    static boolean isWhole(Bytes<?> document) {
        long p = document.readPosition();
        long n = document.readRemaining() - OVERHEAD;
        if (n < 0 || n > Integer.MAX_VALUE) {
            return false;
        }
        CRC32C c = new CRC32C();
        for (long i = 0; i < n; i++) {
            c.update(document.readUnsignedByte(p + OVERHEAD + i));
        }
        return (int) c.getValue() == document.readInt(p);
    }

    byte[] payload() {
        return payload;
    }

    int length() {
        return length;
    }
}
