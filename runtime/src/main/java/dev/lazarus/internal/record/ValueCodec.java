package dev.lazarus.internal.record;

import dev.lazarus.internal.engine.MutableValues;
import dev.lazarus.internal.hook.Tracked;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Encodes the values that fields, collection elements and array elements hold: immutable values
 * (boxes, strings, enums, big numbers, UUIDs, {@code java.time} values, records and immutable
 * JDK collections of such values) inline, tracked objects and tracked arrays by object id.
 */
public final class ValueCodec {
    /** What the writer needs: dictionary ids of classes and ids of attached objects. */
    public interface Writing {
        int classId(Class<?> c);

        long oidOf(Object trackedOrArray);
    }

    /** What the reader needs: classes by dictionary id and objects by id. */
    public interface Reading {
        Class<?> classFor(int id);

        Object objectFor(long oid);
    }

    /**
     * How a value is stored. MUTABLE: a mutable JDK value (see {@link MutableValues}) stored whole,
     * inline, and stored again after each mutating call made from instrumented code.
     */
    public enum Kind { NULL, VALUE, COMPOSITE, TRACKED, ARRAY, MUTABLE, UNTRACKABLE }

    private static final int NULL = 0, FALSE = 1, TRUE = 2, BYTE = 3, SHORT = 4, CHAR = 5, INT = 6,
            LONG = 7, FLOAT = 8, DOUBLE = 9, STRING = 10, ENUM = 11, BIG_DECIMAL = 12,
            BIG_INTEGER = 13, UUID_TAG = 14, TIME = 15, RECORD = 16, REF = 17, LIST_OF = 18,
            SET_OF = 19, MAP_OF = 20, OBJECTS = 21, BIT_SET = 22, STRING_BUILDER = 23, BYTE_STREAM = 24,
            ATOMIC_INT = 25, ATOMIC_LONG = 26, ATOMIC_BOOLEAN = 27, ATOMIC_REFERENCE = 28;

    private static final Set<String> TIME_CLASSES = Set.of(
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
            "java.time.Duration", "java.time.Period", "java.time.Year", "java.time.YearMonth",
            "java.time.MonthDay", "java.time.ZoneOffset", "java.time.ZoneRegion");

    private static final ClassValue<MethodHandle> PARSERS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                if (type.getName().equals("java.time.ZoneRegion") || type == java.time.ZoneOffset.class) {
                    return MethodHandles.publicLookup().findStatic(java.time.ZoneId.class, "of",
                            MethodType.methodType(java.time.ZoneId.class, String.class));
                }
                return MethodHandles.publicLookup().findStatic(type, "parse",
                        MethodType.methodType(type, CharSequence.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no parse method on " + type.getName(), e);
            }
        }
    };

    private ValueCodec() {
    }

    public static Kind kindOf(Object v) {
        if (v == null) {
            return Kind.NULL;
        }
        if (v instanceof Tracked) {
            return Kind.TRACKED;
        }
        Class<?> c = v.getClass();
        if (c.isArray()) {
            return Kind.ARRAY;
        }
        if (v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Character || v instanceof Byte || v instanceof Short || v instanceof Float
                || v instanceof Double || v instanceof Enum<?> || c == BigDecimal.class
                || c == BigInteger.class || c == UUID.class || TIME_CLASSES.contains(c.getName())) {
            return Kind.VALUE;
        }
        if (c.isRecord() || isImmutableCollection(c)) {
            return Kind.COMPOSITE;
        }
        return MutableValues.isMutableValue(c) ? Kind.MUTABLE : Kind.UNTRACKABLE;
    }

    /** Null, a String or a box: the values collections hold most, checked before the full {@link #kindOf}. */
    public static boolean isPlainValue(Object v) {
        return v == null || v instanceof String || v instanceof Integer || v instanceof Long;
    }

    static boolean isTimeClass(Class<?> c) {
        return TIME_CLASSES.contains(c.getName());
    }

    /** JDK collections that cannot change after creation: {@code List.of}, {@code emptyMap}, singletons. */
    static boolean isImmutableCollection(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.util.ImmutableCollections$")
                || n.equals("java.util.Collections$EmptyList") || n.equals("java.util.Collections$EmptySet")
                || n.equals("java.util.Collections$EmptyMap") || n.equals("java.util.Collections$SingletonList")
                || n.equals("java.util.Collections$SingletonSet") || n.equals("java.util.Collections$SingletonMap");
    }

    /** Calls {@code visitor} for every value directly inside a composite (record components, elements) or an AtomicReference. */
    public static void forEachPart(Object composite, Consumer<Object> visitor) {
        if (composite instanceof AtomicReference<?> r) {
            visitor.accept(r.get());
        } else if (MutableValues.isMutableValue(composite.getClass())) {
            return; // holds no references
        } else if (composite instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                visitor.accept(e.getKey());
                visitor.accept(e.getValue());
            }
        } else if (composite instanceof Collection<?> c) {
            c.forEach(visitor);
        } else if (composite instanceof Object[] array) {
            for (Object o : array) {
                visitor.accept(o);
            }
        } else {
            for (RecordComponent rc : composite.getClass().getRecordComponents()) {
                visitor.accept(component(composite, rc));
            }
        }
    }

    private static Object component(Object record, RecordComponent rc) {
        try {
            var accessor = rc.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + rc.getName(), e);
        }
    }

    public static void write(RecordBuffer b, Object v, Writing w) {
        if (v == null) {
            b.putByte(NULL);
        } else if (v instanceof String s) {
            b.putByte(STRING);
            b.putString(s);
        } else if (v instanceof Integer i) {
            b.putByte(INT);
            b.putZigZag(i);
        } else if (v instanceof Long l) {
            b.putByte(LONG);
            b.putZigZag(l);
        } else if (v instanceof Tracked t) {
            b.putByte(REF);
            b.putVarLong(w.oidOf(t));
        } else if (v instanceof Boolean z) {
            b.putByte(z ? TRUE : FALSE);
        } else if (v instanceof Double d) {
            b.putByte(DOUBLE);
            b.putLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof Float f) {
            b.putByte(FLOAT);
            b.putInt(Float.floatToRawIntBits(f));
        } else if (v instanceof Character c) {
            b.putByte(CHAR);
            b.putVarInt(c);
        } else if (v instanceof Byte by) {
            b.putByte(BYTE);
            b.putByte(by);
        } else if (v instanceof Short s) {
            b.putByte(SHORT);
            b.putZigZag(s);
        } else if (v instanceof Enum<?> e) {
            b.putByte(ENUM);
            b.putVarInt(w.classId(e.getDeclaringClass()));
            b.putString(e.name());
        } else if (v.getClass() == BigDecimal.class) {
            BigDecimal d = (BigDecimal) v;
            b.putByte(BIG_DECIMAL);
            b.putZigZag(d.scale());
            byte[] u = d.unscaledValue().toByteArray();
            b.putVarInt(u.length);
            b.putBytes(u);
        } else if (v.getClass() == BigInteger.class) {
            byte[] u = ((BigInteger) v).toByteArray();
            b.putByte(BIG_INTEGER);
            b.putVarInt(u.length);
            b.putBytes(u);
        } else if (v.getClass() == UUID.class) {
            UUID u = (UUID) v;
            b.putByte(UUID_TAG);
            b.putLong(u.getMostSignificantBits());
            b.putLong(u.getLeastSignificantBits());
        } else if (TIME_CLASSES.contains(v.getClass().getName())) {
            b.putByte(TIME);
            b.putVarInt(w.classId(v.getClass()));
            b.putString(v.toString());
        } else if (v.getClass().isArray()) {
            b.putByte(REF);
            b.putVarLong(w.oidOf(v));
        } else if (v.getClass().isRecord()) {
            RecordComponent[] rcs = v.getClass().getRecordComponents();
            b.putByte(RECORD);
            b.putVarInt(w.classId(v.getClass()));
            b.putVarInt(rcs.length);
            for (RecordComponent rc : rcs) {
                write(b, component(v, rc), w);
            }
        } else if (v instanceof List<?> list && isImmutableCollection(v.getClass())) {
            b.putByte(LIST_OF);
            b.putVarInt(list.size());
            for (Object o : list) {
                write(b, o, w);
            }
        } else if (v instanceof Set<?> set && isImmutableCollection(v.getClass())) {
            b.putByte(SET_OF);
            b.putVarInt(set.size());
            for (Object o : set) {
                write(b, o, w);
            }
        } else if (v instanceof Map<?, ?> map && isImmutableCollection(v.getClass())) {
            b.putByte(MAP_OF);
            b.putVarInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(b, e.getKey(), w);
                write(b, e.getValue(), w);
            }
        } else if (MutableValues.isMutableValue(v.getClass())) {
            writeMutable(b, v, w);
        } else {
            // untrackable: the engine has already refused it (strict) or warned about it
            b.putByte(NULL);
        }
    }

    /** The whole current content of a mutable JDK value. */
    private static void writeMutable(RecordBuffer b, Object v, Writing w) {
        if (v instanceof BitSet bits) {
            long[] words = bits.toLongArray();
            b.putByte(BIT_SET);
            b.putVarInt(words.length);
            for (long word : words) {
                b.putLong(word);
            }
        } else if (v instanceof StringBuilder sb) {
            b.putByte(STRING_BUILDER);
            b.putString(sb.toString());
        } else if (v instanceof ByteArrayOutputStream out) {
            byte[] bytes = out.toByteArray();
            b.putByte(BYTE_STREAM);
            b.putVarInt(bytes.length);
            b.putBytes(bytes);
        } else if (v instanceof AtomicInteger i) {
            b.putByte(ATOMIC_INT);
            b.putZigZag(i.get());
        } else if (v instanceof AtomicLong l) {
            b.putByte(ATOMIC_LONG);
            b.putZigZag(l.get());
        } else if (v instanceof AtomicBoolean z) {
            b.putByte(ATOMIC_BOOLEAN);
            b.putByte(z.get() ? 1 : 0);
        } else {
            b.putByte(ATOMIC_REFERENCE);
            write(b, ((AtomicReference<?>) v).get(), w);
        }
    }

    /** An {@code Object[]} written element by element (the payload of a collection RESET). */
    static void writeObjects(RecordBuffer b, Object[] values, Writing w) {
        b.putByte(OBJECTS);
        b.putVarInt(values.length);
        for (Object o : values) {
            write(b, o, w);
        }
    }

    public static Object read(RecordBuffer b, Reading r) {
        int tag = b.getByte();
        switch (tag) {
            case NULL: return null;
            case FALSE: return Boolean.FALSE;
            case TRUE: return Boolean.TRUE;
            case BYTE: return (byte) b.getByte();
            case SHORT: return (short) b.getZigZag();
            case CHAR: return (char) b.getVarInt();
            case INT: return (int) b.getZigZag();
            case LONG: return b.getZigZag();
            case FLOAT: return Float.intBitsToFloat(b.getInt());
            case DOUBLE: return Double.longBitsToDouble(b.getLong());
            case STRING: return b.getString();
            case ENUM: {
                Class<?> c = r.classFor(b.getVarInt());
                RecoveryClasses.checkEnum(c);
                return enumConstant(c, b.getString());
            }
            case BIG_DECIMAL: {
                int scale = (int) b.getZigZag();
                return new BigDecimal(new BigInteger(b.getBytes(b.getVarInt())), scale);
            }
            case BIG_INTEGER: return new BigInteger(b.getBytes(b.getVarInt()));
            case UUID_TAG: return new UUID(b.getLong(), b.getLong());
            case TIME: {
                Class<?> c = r.classFor(b.getVarInt());
                RecoveryClasses.checkTime(c);
                String text = b.getString();
                try {
                    return PARSERS.get(c).invoke(text);
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot parse " + c.getName() + " from '" + text + "'", e);
                }
            }
            case RECORD: return readRecord(b, r);
            case REF: return r.objectFor(b.getVarLong());
            case LIST_OF: {
                List<Object> list = new ArrayList<>(readArray(b, r));
                return list.contains(null) ? Collections.unmodifiableList(list) : List.copyOf(list);
            }
            case SET_OF: {
                Set<Object> set = new LinkedHashSet<>(readArray(b, r));
                return set.contains(null) ? Collections.unmodifiableSet(set) : Set.copyOf(set);
            }
            case MAP_OF: {
                int n = b.getVarInt();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(read(b, r), read(b, r));
                }
                return map.containsKey(null) || map.containsValue(null)
                        ? Collections.unmodifiableMap(map) : Map.copyOf(map);
            }
            case OBJECTS: return readArray(b, r).toArray();
            case BIT_SET: {
                long[] words = new long[b.getVarInt()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = b.getLong();
                }
                return BitSet.valueOf(words);
            }
            case STRING_BUILDER: return new StringBuilder(b.getString());
            case BYTE_STREAM: {
                byte[] bytes = b.getBytes(b.getVarInt());
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, bytes.length));
                out.writeBytes(bytes);
                return out;
            }
            case ATOMIC_INT: return new AtomicInteger((int) b.getZigZag());
            case ATOMIC_LONG: return new AtomicLong(b.getZigZag());
            case ATOMIC_BOOLEAN: return new AtomicBoolean(b.getByte() != 0);
            case ATOMIC_REFERENCE: return new AtomicReference<>(read(b, r));
            default: throw new IllegalStateException("unknown value tag " + tag);
        }
    }

    /**
     * A value as text, for the operator's tools: read without loading any class ({@code className}
     * names a dictionary id, or says it is unknown).
     */
    static void text(RecordBuffer b, java.util.function.IntFunction<String> className, StringBuilder out) {
        int tag = b.getByte();
        switch (tag) {
            case NULL: out.append("null"); break;
            case FALSE: out.append("false"); break;
            case TRUE: out.append("true"); break;
            case BYTE: out.append((byte) b.getByte()).append('B'); break;
            case SHORT: out.append((short) b.getZigZag()).append('S'); break;
            case CHAR: out.append('\'').append((char) b.getVarInt()).append('\''); break;
            case INT: out.append((int) b.getZigZag()); break;
            case LONG: out.append(b.getZigZag()).append('L'); break;
            case FLOAT: out.append(Float.intBitsToFloat(b.getInt())).append('F'); break;
            case DOUBLE: out.append(Double.longBitsToDouble(b.getLong())); break;
            case STRING: quote(b.getString(), out); break;
            case ENUM: out.append(simple(className.apply(b.getVarInt()))).append('.').append(b.getString()); break;
            case BIG_DECIMAL: {
                int scale = (int) b.getZigZag();
                out.append(new BigDecimal(new BigInteger(b.getBytes(b.getVarInt())), scale)).append("BD");
                break;
            }
            case BIG_INTEGER: out.append(new BigInteger(b.getBytes(b.getVarInt()))).append("BI"); break;
            case UUID_TAG: out.append(new UUID(b.getLong(), b.getLong())); break;
            case TIME: out.append(simple(className.apply(b.getVarInt()))).append('(').append(b.getString()).append(')'); break;
            case RECORD: {
                out.append(simple(className.apply(b.getVarInt())));
                textAll(b, className, out, '(', ')');
                break;
            }
            case REF: out.append('@').append(b.getVarLong()); break;
            case LIST_OF: out.append("List.of"); textAll(b, className, out, '(', ')'); break;
            case SET_OF: out.append("Set.of"); textAll(b, className, out, '(', ')'); break;
            case MAP_OF: {
                int n = b.getVarInt();
                out.append("Map.of(");
                for (int i = 0; i < n; i++) {
                    out.append(i == 0 ? "" : ", ");
                    text(b, className, out);
                    out.append('=');
                    text(b, className, out);
                }
                out.append(')');
                break;
            }
            case OBJECTS: textAll(b, className, out, '[', ']'); break;
            default: throw new IllegalStateException("unknown value tag " + tag);
        }
    }

    private static void textAll(RecordBuffer b, java.util.function.IntFunction<String> className, StringBuilder out,
                                char open, char close) {
        int n = b.getVarInt();
        out.append(open);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ", ");
            text(b, className, out);
        }
        out.append(close);
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static List<Object> readArray(RecordBuffer b, Reading r) {
        int n = b.getVarInt();
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = read(b, r);
        }
        return Arrays.asList(out);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> c, String name) {
        try {
            return Enum.valueOf((Class) c, name);
        } catch (IllegalArgumentException e) {
            throw new IncompatibleSchemaException("enum " + c.getName() + " has no constant " + name
                    + " any more; it was logged by an earlier version of the application", e);
        }
    }

    private static Object readRecord(RecordBuffer b, Reading r) {
        Class<?> c = r.classFor(b.getVarInt());
        RecoveryClasses.checkRecord(c);
        int n = b.getVarInt();
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            args[i] = read(b, r);
        }
        RecordComponent[] rcs = c.getRecordComponents();
        if (rcs == null || rcs.length != n) {
            throw new IncompatibleSchemaException("record " + c.getName() + " had " + n
                    + " components when it was logged and has " + (rcs == null ? 0 : rcs.length) + " now");
        }
        Class<?>[] types = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            types[i] = rcs[i].getType();
        }
        try {
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot recreate record " + c.getName(), e);
        }
    }
}
