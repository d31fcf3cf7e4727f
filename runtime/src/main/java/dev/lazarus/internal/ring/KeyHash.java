package dev.lazarus.internal.ring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/**
 * The 64-bit hash of a map key that places it on the {@link HashRing}: identical in every JVM, every run
 * and every Java version, because it is computed from the key's value (never from
 * {@code Object.hashCode}, which for most classes is an identity hash that differs between JVMs). Keys
 * that are {@code equals} hash the same; each type has its own tag, so {@code 1} and {@code 1L} differ
 * (they are different keys of a map too).
 */
public final class KeyHash {
    // one tag per key type, the start of the stream
    private static final long NULL = 0x6E756C6CL;
    private static final long STRING = 1;
    private static final long CHARACTER = 2;
    private static final long BOOLEAN = 3;
    private static final long BYTE = 4;
    private static final long SHORT = 5;
    private static final long INTEGER = 6;
    private static final long LONG = 7;
    private static final long FLOAT = 8;
    private static final long DOUBLE = 9;
    private static final long BIG_INTEGER = 10;
    private static final long BIG_DECIMAL = 11;
    private static final long UUID_TAG = 12;
    private static final long ENUM = 13;
    private static final long BYTES = 14;

    private KeyHash() {
    }

    /**
     * The hash of {@code key}: a String, Character, Boolean, Byte, Short, Integer, Long, Float, Double,
     * BigInteger, BigDecimal, UUID, enum constant (its class name and constant name), byte[] (its
     * contents) or {@code null}.
     *
     * @throws IllegalArgumentException for any other type, whose hash could not be the same in every JVM
     */
    public static long of(Object key) {
        if (key instanceof String s) {
            return Mix64.ofChars(STRING, s);
        } else if (key instanceof Integer i) {
            return scalar(INTEGER, i);
        } else if (key instanceof Long l) {
            return scalar(LONG, l);
        } else if (key == null) {
            return Mix64.finish(NULL, 0);
        } else if (key instanceof Enum<?> e) {
            long h = Mix64.ofChars(ENUM, e.getDeclaringClass().getName());
            return Mix64.ofChars(h, e.name());
        } else if (key instanceof UUID u) {
            return Mix64.finish(Mix64.step(Mix64.step(UUID_TAG, u.getMostSignificantBits()),
                    u.getLeastSignificantBits()), 2);
        } else if (key instanceof Character c) {
            return scalar(CHARACTER, c);
        } else if (key instanceof Boolean b) {
            return scalar(BOOLEAN, b ? 1 : 0);
        } else if (key instanceof Byte b) {
            return scalar(BYTE, b);
        } else if (key instanceof Short s) {
            return scalar(SHORT, s);
        } else if (key instanceof Float f) {
            // Float.equals compares these bits: all NaNs are one key, 0.0f and -0.0f are two
            return scalar(FLOAT, Float.floatToIntBits(f));
        } else if (key instanceof Double d) {
            return scalar(DOUBLE, Double.doubleToLongBits(d));
        } else if (key instanceof BigInteger b) {
            return Mix64.ofBytes(BIG_INTEGER, b.toByteArray());
        } else if (key instanceof BigDecimal d) {
            // BigDecimal.equals compares unscaled value and scale (1.0 and 1.00 are different keys)
            return Mix64.ofBytes(Mix64.step(BIG_DECIMAL, d.scale()), d.unscaledValue().toByteArray());
        } else if (key instanceof byte[] b) {
            return Mix64.ofBytes(BYTES, b);
        }
        throw new IllegalArgumentException("a key of type " + key.getClass().getName()
                + " has no hash that is the same in every JVM, so it cannot be placed on the cluster's ring;"
                + " use a String, a boxed primitive, BigInteger, BigDecimal, UUID, an enum or a byte[] as the key"
                + " (for a composite key, a String made of its parts)");
    }

    private static long scalar(long tag, long value) {
        return Mix64.finish(Mix64.step(tag, value), 1);
    }
}
