package dev.lazarus.internal.record;

import java.util.ArrayList;
import java.util.List;

/**
 * The redo log's value encoding, reused to ship the keys and values of distributed maps between
 * JVMs. Only values that need no object ids travel: immutable values and records or immutable
 * collections of them. Classes (enums, records, {@code java.time}) are named in the message, so
 * the receiver resolves them with its own class loader.
 */
public final class WireCodec {
    private WireCodec() {
    }

    /** Throws an {@link IllegalArgumentException} naming {@code what} if {@code v} cannot travel. */
    public static void check(Object v, String what) {
        switch (ValueCodec.kindOf(v)) {
            case NULL:
            case VALUE:
                return;
            case COMPOSITE:
                ValueCodec.forEachPart(v, p -> check(p, what));
                return;
            default:
                throw new IllegalArgumentException("a @Distributed map copies its keys and values between JVMs, but "
                        + what + " is a " + v.getClass().getName() + ", which is mutable or tracked. Fix: store an"
                        + " immutable value (String, a number, an enum, UUID, java.time, a record of such values,"
                        + " List.of/Map.of of them).");
        }
    }

    public static byte[] encode(Object v) {
        check(v, "a value");
        List<String> classes = new ArrayList<>();
        RecordBuffer body = new RecordBuffer(64);
        ValueCodec.write(body, v, new ValueCodec.Writing() {
            @Override
            public int classId(Class<?> c) {
                int i = classes.indexOf(c.getName());
                if (i < 0) {
                    classes.add(c.getName());
                    i = classes.size() - 1;
                }
                return i;
            }

            @Override
            public long oidOf(Object trackedOrArray) {
                throw new IllegalStateException("checked above");
            }
        });
        RecordBuffer out = new RecordBuffer(body.length() + 16);
        out.putVarInt(classes.size());
        for (String name : classes) {
            out.putString(name);
        }
        out.putBytes(java.util.Arrays.copyOf(body.array(), body.length()));
        return java.util.Arrays.copyOf(out.array(), out.length());
    }

    /** Decodes with {@code loader} resolving the classes the message names. */
    public static Object decode(byte[] bytes, ClassLoader loader) {
        RecordBuffer in = new RecordBuffer(0);
        in.reset(bytes, 0, bytes.length);
        int n = in.getVarInt();
        Class<?>[] classes = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            String name = in.getString();
            try {
                classes[i] = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("a distributed map value names class " + name
                        + ", which this JVM cannot load: run the same application classes on every member", e);
            }
        }
        return ValueCodec.read(in, new ValueCodec.Reading() {
            @Override
            public Class<?> classFor(int id) {
                return classes[id];
            }

            @Override
            public Object objectFor(long oid) {
                throw new IllegalStateException("object references do not travel between JVMs");
            }
        });
    }
}
