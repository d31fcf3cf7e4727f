package dev.lazarus.internal.record;

import java.util.Collections;
import java.util.Comparator;

/**
 * Writes the comparator of a sorted collection so that recovery can recreate it: the JDK's
 * well-known comparators, enum constants and classes with a no-arg constructor by name. Anything
 * else (typically a lambda) is marked ADOPT: recovery then keeps the collection that the owner's
 * no-arg constructor created, with its comparator, and fills it.
 */
public final class ComparatorCodec {
    static final int NONE = 0, NATURAL = 1, REVERSE = 2, CASE_INSENSITIVE = 3, ENUM = 4, CLASS = 5, ADOPT = 6;

    private ComparatorCodec() {
    }

    static void write(RecordBuffer b, Comparator<?> c, ValueCodec.Writing w) {
        if (c == null) {
            b.putByte(NONE);
        } else if (c == Comparator.naturalOrder()) {
            b.putByte(NATURAL);
        } else if (c == Collections.reverseOrder()) {
            b.putByte(REVERSE);
        } else if (c == String.CASE_INSENSITIVE_ORDER) {
            b.putByte(CASE_INSENSITIVE);
        } else if (c instanceof Enum<?> e) {
            b.putByte(ENUM);
            b.putVarInt(w.classId(e.getDeclaringClass()));
            b.putString(e.name());
        } else if (hasNoArgConstructor(c.getClass())) {
            b.putByte(CLASS);
            b.putVarInt(w.classId(c.getClass()));
        } else {
            b.putByte(ADOPT);
        }
    }

    private static boolean hasNoArgConstructor(Class<?> c) {
        if (c.isSynthetic() || c.isHidden() || c.isAnonymousClass()) {
            return false;
        }
        try {
            c.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The comparator as text, for the operator's tools (no class is loaded). */
    static String text(RecordBuffer b, java.util.function.IntFunction<String> className) {
        int tag = b.getByte();
        switch (tag) {
            case NONE: return "";
            case NATURAL: return "naturalOrder";
            case REVERSE: return "reverseOrder";
            case CASE_INSENSITIVE: return "CASE_INSENSITIVE_ORDER";
            case ENUM: return className.apply(b.getVarInt()) + "." + b.getString();
            case CLASS: return "new " + className.apply(b.getVarInt()) + "()";
            case ADOPT: return "the owner's constructor's";
            default: throw new IllegalStateException("unknown comparator tag " + tag);
        }
    }

    /** The comparator, or {@code null} for natural ordering; {@link #ADOPT} is reported through {@code adopt}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Comparator<?> read(RecordBuffer b, ValueCodec.Reading r, boolean[] adopt) {
        int tag = b.getByte();
        switch (tag) {
            case NONE:
                return null;
            case NATURAL:
                return Comparator.naturalOrder();
            case REVERSE:
                return Collections.reverseOrder();
            case CASE_INSENSITIVE:
                return String.CASE_INSENSITIVE_ORDER;
            case ENUM: {
                Class<?> c = r.classFor(b.getVarInt());
                RecoveryClasses.checkEnum(c);
                RecoveryClasses.checkComparator(c);
                return (Comparator<?>) Enum.valueOf((Class) c, b.getString());
            }
            case CLASS: {
                Class<?> c = r.classFor(b.getVarInt());
                RecoveryClasses.checkComparator(c);
                try {
                    var ctor = c.getDeclaredConstructor();
                    ctor.setAccessible(true);
                    return (Comparator<?>) ctor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot recreate comparator " + c.getName(), e);
                }
            }
            case ADOPT:
                adopt[0] = true;
                return null;
            default:
                throw new IllegalStateException("unknown comparator tag " + tag);
        }
    }
}
