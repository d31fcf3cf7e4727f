package dev.lazarus.internal.log;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Test records that say who wrote them and can be checked byte by byte. */
final class Payloads {
    static final int HEADER = 16;

    private Payloads() {
    }

    static byte[] make(int run, int thread, long seq) {
        int len = HEADER + (int) (seq % 53);
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(run).putInt(thread).putLong(seq);
        for (int i = HEADER; i < len; i++)
            b.put((byte) (seq * 31 + i * 7 + run));
        return b.array();
    }

    /** Decodes {run, thread, seq} and checks every byte; throws AssertionError if damaged. */
    static long[] check(byte[] buf, int off, int len) {
        if (len < HEADER)
            throw new AssertionError("record too short: " + len);
        ByteBuffer b = ByteBuffer.wrap(buf, off, len).order(ByteOrder.LITTLE_ENDIAN);
        int run = b.getInt();
        int thread = b.getInt();
        long seq = b.getLong();
        byte[] expected = make(run, thread, seq);
        if (expected.length != len)
            throw new AssertionError("run " + run + " thread " + thread + " seq " + seq + ": length " + len + ", expected " + expected.length);
        for (int i = 0; i < len; i++)
            if (buf[off + i] != expected[i])
                throw new AssertionError("run " + run + " thread " + thread + " seq " + seq + ": byte " + i + " differs");
        return new long[]{run, thread, seq};
    }

    /** Where {@code needle} first occurs in {@code data}, or -1. */
    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++)
                if (data[i + j] != needle[j])
                    continue outer;
            return i;
        }
        return -1;
    }
}
