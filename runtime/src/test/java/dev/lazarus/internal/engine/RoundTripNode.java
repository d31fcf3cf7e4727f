package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Tracked;
import dev.lazarus.internal.record.FieldTable;

/**
 * A {@code @Durable} class as the agent rewrites it, written by hand for tests that run without the
 * agent: the injected transient object id and {@link Tracked}, and one setter per persistent field
 * that stores the value, then reports it to {@link Hooks} with the field's {@link FieldTable} number
 * (what {@code ClassRewriter.addSetter} generates). A reference setter puts the previous value back
 * if the hook throws, as the generated one does. A detached node (id 0) reports nothing, so the same
 * class serves as the plain model of {@link EngineRoundTripTest}.
 *
 * <p>{@code label} names a node across runs: the comparison of a recovered graph with its model
 * goes by labels, so that sharing and cycles are compared by identity and not by position.
 */
final class RoundTripNode extends TrackedByHand {
    private static final String CLASS = RoundTripNode.class.getName();
    private static final int I = FieldTable.id(CLASS, "i", "I");
    private static final int L = FieldTable.id(CLASS, "l", "J");
    private static final int D = FieldTable.id(CLASS, "d", "D");
    private static final int F = FieldTable.id(CLASS, "f", "F");
    private static final int Z = FieldTable.id(CLASS, "z", "Z");
    private static final int C = FieldTable.id(CLASS, "c", "C");
    private static final int S = FieldTable.id(CLASS, "s", "S");
    private static final int B = FieldTable.id(CLASS, "b", "B");
    private static final int STR = FieldTable.id(CLASS, "str", "Ljava/lang/String;");
    private static final int ANY = FieldTable.id(CLASS, "any", "Ljava/lang/Object;");
    private static final int LEFT = FieldTable.id(CLASS, "left", "L" + CLASS.replace('.', '/') + ";");
    private static final int RIGHT = FieldTable.id(CLASS, "right", "L" + CLASS.replace('.', '/') + ";");
    private static final int BAG = FieldTable.id(CLASS, "bag", "Ljava/lang/Object;");
    private static final int INTS = FieldTable.id(CLASS, "ints", "[I");
    private static final int REALS = FieldTable.id(CLASS, "reals", "[D");
    private static final int REFS = FieldTable.id(CLASS, "refs", "[Ljava/lang/Object;");

    int label;
    int i;
    long l;
    double d;
    float f;
    boolean z;
    char c;
    short s;
    byte b;
    String str;
    /** Any value the codec stores inline (boxes, big numbers, time, records, List.of...). */
    Object any;
    RoundTripNode left;
    RoundTripNode right;
    /** A collection (any tracked kind); may be shared with other nodes. */
    Object bag;
    int[] ints;
    double[] reals;
    Object[] refs;

    /** Recovery's constructor. */
    RoundTripNode() {
    }

    RoundTripNode(int label) {
        this.label = label; // the node is detached while its constructor runs: nothing to report
    }

    void setI(int v) {
        i = v;
        Hooks.setInt($lz$oid, v, I);
    }

    void setL(long v) {
        l = v;
        Hooks.setLong($lz$oid, v, L);
    }

    void setD(double v) {
        d = v;
        Hooks.setDouble($lz$oid, v, D);
    }

    void setF(float v) {
        f = v;
        Hooks.setFloat($lz$oid, v, F);
    }

    void setZ(boolean v) {
        z = v;
        Hooks.setInt($lz$oid, v ? 1 : 0, Z);
    }

    void setC(char v) {
        c = v;
        Hooks.setInt($lz$oid, v, C);
    }

    void setS(short v) {
        s = v;
        Hooks.setInt($lz$oid, v, S);
    }

    void setB(byte v) {
        b = v;
        Hooks.setInt($lz$oid, v, B);
    }

    void setStr(String v) {
        setReference(v, str, x -> str = x, STR, false);
    }

    void setAny(Object v) {
        setReference(v, any, x -> any = x, ANY, true);
    }

    void setLeft(RoundTripNode v) {
        setReference(v, left, x -> left = x, LEFT, false);
    }

    void setRight(RoundTripNode v) {
        setReference(v, right, x -> right = x, RIGHT, false);
    }

    void setBag(Object v) {
        setReference(v, bag, x -> bag = x, BAG, true);
    }

    void setInts(int[] v) {
        setReference(v, ints, x -> ints = x, INTS, false);
    }

    void setReals(double[] v) {
        setReference(v, reals, x -> reals = x, REALS, false);
    }

    void setRefs(Object[] v) {
        setReference(v, refs, x -> refs = x, REFS, false);
    }

    /**
     * What a rewritten setter of a reference field does: store, report, and put the previous value
     * back if the report is refused. A field that may hold a mutable JDK value reports its owner too
     * ({@code Hooks.setOwned}).
     */
    private <T> void setReference(T v, T old, java.util.function.Consumer<T> store, int field, boolean owned) {
        store.accept(v);
        try {
            if (owned) {
                Hooks.setOwned(this, $lz$oid, v, field);
            } else {
                Hooks.setObject($lz$oid, v, field);
            }
        } catch (RuntimeException e) {
            store.accept(old);
            throw e;
        }
    }

    /**
     * By label, so that a hash set of nodes iterates alike in the model and in the durable graph
     * (identity hash codes differ); equality stays identity, as for any tracked object.
     */
    @Override
    public int hashCode() {
        return label;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public String toString() {
        return "#" + label;
    }
}
