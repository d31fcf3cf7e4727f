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
final class RoundTripNode implements Tracked {
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

    public transient long $lz$oid;

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

    @Override
    public long $lz$oid() {
        return $lz$oid;
    }

    @Override
    public void $lz$oid(long oid) {
        $lz$oid = oid;
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
        String old = str;
        str = v;
        try {
            Hooks.setObject($lz$oid, v, STR);
        } catch (RuntimeException e) {
            str = old;
            throw e;
        }
    }

    /** An Object field can hold a mutable JDK value: its setter passes the owner ({@code Hooks.setOwned}). */
    void setAny(Object v) {
        Object old = any;
        any = v;
        try {
            Hooks.setOwned(this, $lz$oid, v, ANY);
        } catch (RuntimeException e) {
            any = old;
            throw e;
        }
    }

    void setLeft(RoundTripNode v) {
        RoundTripNode old = left;
        left = v;
        try {
            Hooks.setObject($lz$oid, v, LEFT);
        } catch (RuntimeException e) {
            left = old;
            throw e;
        }
    }

    void setRight(RoundTripNode v) {
        RoundTripNode old = right;
        right = v;
        try {
            Hooks.setObject($lz$oid, v, RIGHT);
        } catch (RuntimeException e) {
            right = old;
            throw e;
        }
    }

    void setBag(Object v) {
        Object old = bag;
        bag = v;
        try {
            Hooks.setOwned(this, $lz$oid, v, BAG);
        } catch (RuntimeException e) {
            bag = old;
            throw e;
        }
    }

    void setInts(int[] v) {
        int[] old = ints;
        ints = v;
        try {
            Hooks.setObject($lz$oid, v, INTS);
        } catch (RuntimeException e) {
            ints = old;
            throw e;
        }
    }

    void setReals(double[] v) {
        double[] old = reals;
        reals = v;
        try {
            Hooks.setObject($lz$oid, v, REALS);
        } catch (RuntimeException e) {
            reals = old;
            throw e;
        }
    }

    void setRefs(Object[] v) {
        Object[] old = refs;
        refs = v;
        try {
            Hooks.setObject($lz$oid, v, REFS);
        } catch (RuntimeException e) {
            refs = old;
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
