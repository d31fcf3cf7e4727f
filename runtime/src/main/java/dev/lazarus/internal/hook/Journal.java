package dev.lazarus.internal.hook;

/**
 * What instrumented code and tracked collections report to. The agent installs the real engine in
 * {@link Hooks}; without the agent every call goes to {@link #OFF} and does nothing.
 *
 * <p>The {@code set*} and {@link #collection} calls are made only for attached objects
 * ({@code oid != 0}), right after the change reached memory, on the thread that made it.
 */
public interface Journal {
    boolean active();

    void awaitDurable();

    String status();

    /** Takes a snapshot now, at the last point of the log where no transaction is open. */
    void checkpoint();

    /** A field of kind boolean, byte, char, short, int or float (raw bits) was written. */
    void setInt(long oid, int value, int field);

    /** A field of kind long or double (raw bits) was written. */
    void setLong(long oid, long value, int field);

    /** A reference field was written. */
    void setObject(long oid, Object value, int field);

    /**
     * A reference field that can hold a mutable JDK value ({@code BitSet}, {@code StringBuilder},
     * atomics...) was written: as {@link #setObject}, and the owner is remembered for later mutations.
     */
    void setObjectOwned(Object owner, long oid, Object value, int field);

    /** A mutating method was called on {@code value} from instrumented code: log it again if an attached field holds it. */
    void valueMutated(Object value);

    /** A logical operation ({@link CollectionOp}) was applied to a tracked collection. */
    void collection(long oid, int op, int index, Object a, Object b);

    /**
     * {@code element} is about to be stored in an attached collection: refuse it now if Lazarus
     * would refuse it, so that it never reaches the collection. Logs nothing (the operation's
     * record that follows attaches it). The default refuses nothing.
     */
    default void admit(Object element) {
    }

    /** Elements {@code [from, to)} of {@code array} were written; ignored unless the array is tracked. */
    void arrayWritten(Object array, int from, int to);

    /** A root field is assigned: returns the value to store (the recovered one on a first assignment). */
    Object root(Object value, Class<?> owner, String field);

    /**
     * An instance root field of {@code instance} is assigned: as {@link #root}, for the identity of
     * that instance's state ({@code keyField} names the field whose value keys it, or is null). The
     * default, for journals that keep nothing, is {@link #root}.
     */
    default Object instanceRoot(Object instance, Object value, Class<?> owner, String field, String keyField) {
        return root(value, owner, field);
    }

    /** Entry of an {@code @Atomic} method. */
    void begin();

    /** Exit of an {@code @Atomic} method, normal or by a throw. */
    void end();

    Journal OFF = new Journal() {
        @Override public boolean active() { return false; }
        @Override public void awaitDurable() { }
        @Override public String status() { return "Lazarus agent not active"; }
        @Override public void checkpoint() { }
        @Override public void setInt(long oid, int value, int field) { }
        @Override public void setLong(long oid, long value, int field) { }
        @Override public void setObject(long oid, Object value, int field) { }
        @Override public void setObjectOwned(Object owner, long oid, Object value, int field) { }
        @Override public void valueMutated(Object value) { }
        @Override public void collection(long oid, int op, int index, Object a, Object b) { }
        @Override public void arrayWritten(Object array, int from, int to) { }
        @Override public Object root(Object value, Class<?> owner, String field) { return value; }
        @Override public void begin() { }
        @Override public void end() { }
    };
}
