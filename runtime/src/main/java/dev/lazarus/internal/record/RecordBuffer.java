package dev.lazarus.internal.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that encodes and decodes the fields of one log record: fixed-width
 * numbers, zig-zag varints and length-prefixed UTF-8 strings. One per thread for writing; one
 * per replay, {@link #reset} onto each record, for reading.
 */
public final class RecordBuffer {
    private byte[] bytes;
    private int pos;
    private int limit;

    public RecordBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    public void reset(byte[] source, int off, int len) {
        bytes = source;
        pos = off;
        limit = off + len;
    }

    public RecordBuffer clear() {
        pos = 0;
        return this;
    }

    /** Whether a record being read has bytes left. */
    boolean hasMore() {
        return pos < limit;
    }

    public byte[] array() {
        return bytes;
    }

    public int length() {
        return pos;
    }

    private void ensure(int n) {
        if (pos + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, pos + n));
        }
    }

    // ---- writing

    public void putByte(int v) {
        ensure(1);
        bytes[pos++] = (byte) v;
    }

    public void putLong(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[pos++] = (byte) (v >>> (i * 8));
        }
    }

    void putInt(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            bytes[pos++] = (byte) (v >>> (i * 8));
        }
    }

    /** Unsigned LEB128. */
    public void putVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[pos++] = (byte) v;
    }

    public void putVarInt(int v) {
        putVarLong(v & 0xFFFFFFFFL);
    }

    /** Signed values via zig-zag so that small negatives stay short. */
    public void putZigZag(long v) {
        putVarLong((v << 1) ^ (v >> 63));
    }

    public void putString(String s) {
        byte[] utf = s.getBytes(StandardCharsets.UTF_8);
        putVarInt(utf.length);
        putBytes(utf);
    }

    void putBytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, pos, b.length);
        pos += b.length;
    }

    // ---- reading

    private void need(int n) {
        if (pos + n > limit) {
            throw new IllegalStateException("record ends early: needs " + n + " more bytes at " + pos);
        }
    }

    public int getByte() {
        need(1);
        return bytes[pos++];
    }

    long getLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (bytes[pos++] & 0xFFL) << (i * 8);
        }
        return v;
    }

    int getInt() {
        need(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (bytes[pos++] & 0xFF) << (i * 8);
        }
        return v;
    }

    public long getVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            byte b = bytes[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalStateException("malformed varint at " + pos);
    }

    public int getVarInt() {
        return (int) getVarLong();
    }

    public long getZigZag() {
        long v = getVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public String getString() {
        int n = getVarInt();
        need(n);
        String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    byte[] getBytes(int n) {
        need(n);
        byte[] b = Arrays.copyOfRange(bytes, pos, pos + n);
        pos += n;
        return b;
    }
}
