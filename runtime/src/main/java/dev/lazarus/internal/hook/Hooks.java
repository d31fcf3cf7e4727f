package dev.lazarus.internal.hook;

/**
 * The static entry points that instrumented code calls. Each is tiny so that the JIT inlines it
 * into the caller: the common case for a detached object is one compare of the injected id.
 */
public final class Hooks {
    private static Journal journal = Journal.OFF;
    private static Distributor distributor = Distributor.OFF;

    private Hooks() {
    }

    /** Installed once by the agent before any application class runs. */
    public static void install(Journal j) {
        journal = j;
    }

    /** Installed once by the agent, after the journal. */
    public static void install(Distributor d) {
        distributor = d;
    }

    public static Journal journal() {
        return journal;
    }

    // ---- field writes: called by the setters injected into tracked classes, after the store

    public static void setInt(long oid, int value, int field) {
        if (oid != 0) {
            journal.setInt(oid, value, field);
        }
    }

    public static void setFloat(long oid, float value, int field) {
        if (oid != 0) {
            journal.setInt(oid, Float.floatToRawIntBits(value), field);
        }
    }

    public static void setLong(long oid, long value, int field) {
        if (oid != 0) {
            journal.setLong(oid, value, field);
        }
    }

    public static void setDouble(long oid, double value, int field) {
        if (oid != 0) {
            journal.setLong(oid, Double.doubleToRawLongBits(value), field);
        }
    }

    public static void setObject(long oid, Object value, int field) {
        if (oid != 0) {
            journal.setObject(oid, value, field);
        }
    }

    /** The setter of a field whose type can hold a mutable JDK value: the owner is passed along. */
    public static void setOwned(Object owner, long oid, Object value, int field) {
        if (oid != 0) {
            journal.setObjectOwned(owner, oid, value, field);
        }
    }

    /** After a mutating call on a {@code BitSet}, {@code StringBuilder}, atomic... made from instrumented code. */
    public static void mutated(Object value) {
        journal.valueMutated(value);
    }

    // ---- collections: the caller has checked that its id is not 0

    public static void op(long oid, int op, int index, Object a, Object b) {
        journal.collection(oid, op, index, a, b);
    }

    /** Before an attached collection stores {@code element} (see {@link Journal#admit}). */
    public static void admit(Object element) {
        journal.admit(element);
    }

    // ---- roots and transactions

    public static Object root(Object value, Class<?> owner, String field) {
        return journal.root(value, owner, field);
    }

    /** An instance field that is a root is assigned; {@code keyField} is null for an unkeyed root. */
    public static Object instanceRoot(Object instance, Object value, Class<?> owner, String field, String keyField) {
        return journal.instanceRoot(instance, value, owner, field, keyField);
    }

    /** A {@code @Distributed} field is assigned: returns the map it holds instead (see {@link Distributor}). */
    public static Object distributed(Object value, Class<?> owner, String field) {
        return distributor.map(value, owner, field);
    }

    public static void begin() {
        journal.begin();
    }

    public static void end() {
        journal.end();
    }

    // ---- arrays: element stores in code that touches tracked array fields are routed here

    public static void arrayWritten(Object array, int from, int to) {
        journal.arrayWritten(array, from, to);
    }

    /** {@code Arrays.asList(array)}: a list whose writes reach the array and are reported like element stores. */
    @SafeVarargs
    public static <T> java.util.List<T> asList(T... array) {
        return new ArrayListView<>(array);
    }

    /**
     * After a bulk {@code java.util.Arrays} mutation (fill, sort, setAll...) of the whole or part of an
     * array, or a JDK method that filled it ({@code ArrayFillers}); null when a call that took null returned.
     */
    public static void arrayWrittenAll(Object array) {
        if (array != null) {
            journal.arrayWritten(array, 0, java.lang.reflect.Array.getLength(array));
        }
    }

    public static void storeInt(int[] a, int i, int v) {
        a[i] = v;
        journal.arrayWritten(a, i, i + 1);
    }

    public static void storeLong(long[] a, int i, long v) {
        a[i] = v;
        journal.arrayWritten(a, i, i + 1);
    }

    public static void storeFloat(float[] a, int i, float v) {
        a[i] = v;
        journal.arrayWritten(a, i, i + 1);
    }

    public static void storeDouble(double[] a, int i, double v) {
        a[i] = v;
        journal.arrayWritten(a, i, i + 1);
    }

    public static void storeChar(char[] a, int i, char v) {
        a[i] = v;
        journal.arrayWritten(a, i, i + 1);
    }

    public static void storeShort(short[] a, int i, short v) {
        a[i] = v;
        journal.arrayWritten(a, i, i + 1);
    }

    /** {@code bastore} serves both {@code byte[]} and {@code boolean[]}. */
    public static void storeByte(Object a, int i, int v) {
        if (a instanceof boolean[]) {
            ((boolean[]) a)[i] = (v & 1) != 0;
        } else {
            ((byte[]) a)[i] = (byte) v;
        }
        journal.arrayWritten(a, i, i + 1);
    }

    public static void storeObject(Object[] a, int i, Object v) {
        a[i] = v;
        journal.arrayWritten(a, i, i + 1);
    }

    public static void arraycopy(Object src, int srcPos, Object dest, int destPos, int length) {
        System.arraycopy(src, srcPos, dest, destPos, length);
        journal.arrayWritten(dest, destPos, destPos + length);
    }
}
