package dev.lazarus.internal.record;

import dev.lazarus.internal.engine.ClassModel;
import dev.lazarus.internal.engine.CollectionConfig;
import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Tracked;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Writes objects as records: NEW for each (so that references among them resolve), then the
 * IMAGE of each plain object, then the content of each collection and array. The engine uses it
 * to log objects as they become reachable; the snapshotter to write a whole graph.
 */
public final class GraphCodec {
    /** Where records go, and the numbers they use. */
    public interface Sink extends ValueCodec.Writing {
        /** A new record of this type, its header written. */
        RecordBuffer begin(int type);

        /** The record begun last is complete. */
        void end();

        /** Field {@code id} is about to be used: define it first if needed. */
        void defineField(int id);
    }

    /**
     * Visits the values held directly by a tracked object, collection or array. {@code where} says
     * where the child sits (a {@link Field}, or a label): turned into a message by {@link #path}
     * only when one is needed, so that walking a graph allocates no strings.
     */
    public interface ChildVisitor {
        void visit(Object child, Object owner, Object where);
    }

    /** The kind byte of a NEW record: a tracked object, a JDK collection, an application's subclass of one. */
    public static final int NEW_OBJECT = 0;
    public static final int NEW_COLLECTION = 1;
    public static final int NEW_COLLECTION_SUBCLASS = 2;

    private GraphCodec() {
    }

    /** A tracked object, or a collection subclass with fields of its own: an IMAGE record carries its fields. */
    public static boolean hasImage(Object o) {
        if (!(o instanceof Tracked)) {
            return false;
        }
        ClassModel model = ClassModel.of(o.getClass());
        return model.jdkCollection == null || model.collectionSubclass;
    }

    public static void writeObjects(List<Object> objects, Sink sink) {
        for (Object o : objects) {
            writeNew(o, sink);
        }
        for (Object o : objects) {
            if (hasImage(o)) {
                writeImage(o, sink);
            }
        }
        // arrays before collections: a key whose hashCode or compareTo reads an array (a byte-string
        // key such as a library's Slice) must be complete when replay puts it into a HashMap or TreeSet
        for (Object o : objects) {
            if (o.getClass().isArray()) {
                RecordBuffer b = sink.begin(RecordType.ARRAY_SET);
                writeArrayElements(b, sink.oidOf(o), o, 0, Array.getLength(o), sink);
                sink.end();
            }
        }
        for (Object o : objects) {
            if (o instanceof Map || o instanceof Collection) {
                RecordBuffer b = sink.begin(RecordType.COLLECTION);
                writeCollectionOp(b, sink.oidOf(o), CollectionOp.RESET, 0, contents(o), null, sink);
                sink.end();
            }
        }
    }

    private static void writeNew(Object o, Sink sink) {
        if (o.getClass().isArray()) {
            RecordBuffer b = sink.begin(RecordType.ARRAY_NEW);
            b.putVarLong(sink.oidOf(o));
            b.putString(Kinds.descriptorOf(o.getClass().getComponentType()));
            b.putVarInt(Array.getLength(o));
            sink.end();
            return;
        }
        ClassModel model = ClassModel.of(o.getClass());
        boolean collection = model.jdkCollection != null;
        // a tracked collection is named by the JDK class it extends: that name outlives our internals;
        // an application's subclass by its own class, which recovery recreates
        int classId = sink.classId(collection && !model.collectionSubclass ? model.jdkCollection : o.getClass());
        long oid = sink.oidOf(o);
        RecordBuffer b = sink.begin(RecordType.NEW);
        b.putVarLong(oid);
        b.putVarInt(classId);
        b.putByte(!collection ? NEW_OBJECT : model.collectionSubclass ? NEW_COLLECTION_SUBCLASS : NEW_COLLECTION);
        if (collection) {
            b.putByte(CollectionConfig.accessOrder(o) ? 1 : 0);
            ComparatorCodec.write(b, comparatorOf(o), sink);
        }
        sink.end();
    }

    private static Comparator<?> comparatorOf(Object o) {
        if (o instanceof SortedMap<?, ?> m) {
            return m.comparator();
        }
        if (o instanceof SortedSet<?> s) {
            return s.comparator();
        }
        return null;
    }

    private static void writeImage(Object o, Sink sink) {
        ClassModel model = ClassModel.of(o.getClass());
        for (ClassModel.Slot s : model.slots) {
            sink.defineField(s.id());
        }
        long oid = sink.oidOf(o);
        RecordBuffer b = sink.begin(RecordType.IMAGE);
        b.putVarLong(oid);
        b.putVarInt(model.slots.size());
        for (ClassModel.Slot s : model.slots) {
            b.putVarInt(s.id());
            if (s.primitive()) {
                b.putZigZag(primitiveBits(s, o));
            } else {
                ValueCodec.write(b, read(s.field(), o), sink);
            }
        }
        sink.end();
    }

    static Object[] contents(Object o) {
        if (o instanceof Map<?, ?> m) {
            Object[] out = new Object[m.size() * 2];
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out[i++] = e.getKey();
                out[i++] = e.getValue();
            }
            return i == out.length ? out : Arrays.copyOf(out, i);
        }
        return ((Collection<?>) o).toArray();
    }

    public static void writeCollectionOp(RecordBuffer buf, long oid, int op, int index, Object a, Object b,
                                  ValueCodec.Writing w) {
        buf.putVarLong(oid);
        buf.putVarInt(op);
        buf.putZigZag(index);
        if (a instanceof Object[] all && op == CollectionOp.RESET) {
            ValueCodec.writeObjects(buf, all, w);
        } else {
            ValueCodec.write(buf, a, w);
        }
        ValueCodec.write(buf, b, w);
    }

    public static void writeArrayElements(RecordBuffer b, long oid, Object array, int from, int to, ValueCodec.Writing w) {
        b.putVarLong(oid);
        b.putVarInt(from);
        b.putVarInt(to - from);
        if (array instanceof Object[] objects) {
            for (int i = from; i < to; i++) {
                ValueCodec.write(b, objects[i], w);
            }
        } else {
            for (int i = from; i < to; i++) {
                b.putZigZag(Kinds.rawBits(Array.get(array, i)));
            }
        }
    }

    /** The values a tracked object, collection or array holds directly. */
    public static void forEachChild(Object o, ChildVisitor visitor) {
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                visitor.visit(e.getKey(), o, "a key of a");
                visitor.visit(e.getValue(), o, "a value of a");
            }
        } else if (o instanceof Collection<?> c) {
            for (Object e : c) {
                visitor.visit(e, o, "an element of a");
            }
        } else if (o instanceof Object[] array) {
            for (Object e : array) {
                visitor.visit(e, o, "an element of a");
            }
        }
        if (hasImage(o)) {
            List<ClassModel.Slot> slots = ClassModel.of(o.getClass()).slots;
            for (int i = 0, n = slots.size(); i < n; i++) {
                ClassModel.Slot s = slots.get(i);
                if (!s.primitive()) {
                    visitor.visit(read(s.field(), o), o, s.field());
                }
            }
        }
    }

    /** Where a child sits, for a message: {@code pkg.Owner.field}, or "a key of a HashMap". */
    public static String path(Object owner, Object where) {
        if (where instanceof Field f) {
            return f.getDeclaringClass().getName() + "." + f.getName();
        }
        if (owner == null) {
            return String.valueOf(where);
        }
        String type = owner.getClass().isArray()
                ? owner.getClass().getComponentType().getSimpleName() + "[]" : owner.getClass().getSimpleName();
        return where + " " + type;
    }

    /** A primitive field's raw bits, read without boxing. */
    private static long primitiveBits(ClassModel.Slot s, Object o) {
        Field f = s.field();
        try {
            switch (s.descriptor().charAt(0)) {
                case 'I': return f.getInt(o);
                case 'J': return f.getLong(o);
                case 'Z': return f.getBoolean(o) ? 1 : 0;
                case 'B': return f.getByte(o);
                case 'C': return f.getChar(o);
                case 'S': return f.getShort(o);
                case 'F': return Float.floatToRawIntBits(f.getFloat(o));
                default: return Double.doubleToRawLongBits(f.getDouble(o));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    public static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
