package dev.lazarus.internal.recovery;

import dev.lazarus.internal.collection.CollectionReplay;
import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.engine.ClassModel;
import dev.lazarus.internal.engine.ThirdParty;
import dev.lazarus.internal.record.ComparatorCodec;
import dev.lazarus.internal.record.GraphCodec;
import dev.lazarus.internal.record.IncompatibleSchemaException;
import dev.lazarus.internal.record.Kinds;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;
import dev.lazarus.internal.record.RecoveryClasses;
import dev.lazarus.internal.record.ValueCodec;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Applies records, one at a time, to the objects it rebuilds: a NEW creates an object under its id,
 * an IMAGE or a SET sets fields, a COLLECTION replays an operation, a ROOT names a root; CLASS and
 * FIELD records keep the dictionary that the others are written in. Which records to apply, and in
 * what order, is the {@link Replayer}'s business: this class knows what one record means.
 *
 * <p>Classes are loaded with the application's class loader and {@link Renames}; a field that no
 * longer exists is skipped, one whose type changed incompatibly is refused.
 */
final class GraphBuilder implements ValueCodec.Reading {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

    private final ClassLoader loader;
    private final Renames renames;
    private final OidTable objects = new OidTable();
    private final Map<String, Object> roots = new LinkedHashMap<>();
    private final Map<Integer, String> classNames = new HashMap<>();
    private final Map<Integer, Class<?>> classes = new HashMap<>();
    /** Field definitions in force, by number: read for every field a record sets, so an array, not a map. */
    private LoggedField[] fields = new LoggedField[64];
    /** Sorted collections whose comparator only the owner's constructor can recreate, by object. */
    private final Map<Object, Long> adoptable = new IdentityHashMap<>();
    private final Set<Long> missing = new HashSet<>();
    /** The record being applied, positioned after its header. */
    private RecordBuffer in;

    /** A field as the log names it, and the field it is now (null when it was removed). */
    private record LoggedField(String className, String name, String descriptor, Field field, boolean primitive,
                               boolean incompatible) {
        /** The checks that do not depend on the value are made once per definition, not per record. */
        static LoggedField of(String className, String name, String descriptor, Field field) {
            boolean primitive = Kinds.isPrimitive(descriptor);
            String now = field == null ? descriptor : Kinds.descriptorOf(field.getType());
            boolean incompatible = !now.equals(descriptor) && (primitive || Kinds.isPrimitive(now));
            return new LoggedField(className, name, descriptor, field, primitive, incompatible);
        }

        IncompatibleSchemaException typeChanged() {
            return new IncompatibleSchemaException("field " + className + "." + name + " was logged as "
                    + Kinds.javaName(descriptor) + " and is " + Kinds.javaName(Kinds.descriptorOf(field.getType()))
                    + " now: an incompatible type change. Fix: keep the old type, or rename the field (the old values"
                    + " are then ignored)");
        }
    }

    GraphBuilder(ClassLoader loader, Renames renames) {
        this.loader = loader;
        this.renames = renames;
    }

    OidTable objects() {
        return objects;
    }

    Map<String, Object> roots() {
        return roots;
    }

    /** Forgets everything rebuilt so far (a snapshot that failed halfway). */
    void reset() {
        objects.clear();
        roots.clear();
        classNames.clear();
        classes.clear();
        java.util.Arrays.fill(fields, null);
        adoptable.clear();
        missing.clear();
    }

    /** After the last record: the sorted collections whose comparator could not be recreated. */
    void warnUnadopted() {
        for (long oid : adoptable.values()) {
            LOG.log(System.Logger.Level.WARNING, "a sorted collection (object " + oid + ") had a comparator that"
                    + " Lazarus cannot recreate (a lambda?) and no constructor recreated it: it was restored with"
                    + " natural ordering. Fix: create it in the no-arg constructor of its owner, or use a Comparator"
                    + " class with a no-arg constructor.");
        }
    }

    /** The dictionary in force at the last record applied: a snapshot carries it for the log after it. */
    Map<Integer, String> classNames() {
        return classNames;
    }

    /** Field numbers in force, as {className, name, descriptor}. */
    Map<Integer, String[]> fieldNames() {
        Map<Integer, String[]> out = new LinkedHashMap<>();
        for (int id = 0; id < fields.length; id++) {
            LoggedField f = fields[id];
            if (f != null) {
                out.put(id, new String[] {f.className(), f.name(), f.descriptor()});
            }
        }
        return out;
    }

    /** Applies one record of {@code type}; {@code in} is positioned after its header (type and transaction). */
    void apply(int type, RecordBuffer in) {
        this.in = in;
        apply(type);
    }

    private void apply(int type) {
        switch (type) {
            case RecordType.RUN_START:
                classNames.clear();
                classes.clear();
                java.util.Arrays.fill(fields, null);
                break;
            case RecordType.CLASS: {
                int id = in.getVarInt();
                classNames.put(id, in.getString());
                classes.remove(id);
                break;
            }
            case RecordType.FIELD: {
                int id = in.getVarInt();
                String cls = in.getString();
                String name = in.getString();
                String desc = in.getString();
                if (id >= fields.length) {
                    fields = java.util.Arrays.copyOf(fields, Math.max(fields.length * 2, id + 1));
                }
                fields[id] = LoggedField.of(cls, name, desc, currentField(cls, name));
                break;
            }
            case RecordType.NEW:
                applyNew();
                break;
            case RecordType.IMAGE: {
                Object o = object(in.getVarLong());
                int n = in.getVarInt();
                for (int i = 0; i < n; i++) {
                    setField(o, true);
                }
                break;
            }
            case RecordType.SET:
                setField(object(in.getVarLong()), false);
                break;
            case RecordType.COLLECTION: {
                Object c = object(in.getVarLong());
                int op = in.getVarInt();
                int index = (int) in.getZigZag();
                Object a = ValueCodec.read(in, this);
                Object b = ValueCodec.read(in, this);
                if (c != null && ClassModel.of(c.getClass()).collectionSubclass) {
                    ClassModel.of(c.getClass()).replayKeepingFields(c, () -> CollectionReplay.apply(c, op, index, a, b));
                } else if (c != null) {
                    CollectionReplay.apply(c, op, index, a, b);
                }
                break;
            }
            case RecordType.ARRAY_NEW: {
                long oid = in.getVarLong();
                Class<?> component = typeOf(in.getString());
                int length = in.getVarInt();
                if (objects.get(oid) == null) { // else logged again after a snapshot marked it unreachable: the same array
                    objects.put(oid, Array.newInstance(component, length));
                }
                break;
            }
            case RecordType.ARRAY_SET:
                applyArraySet();
                break;
            case RecordType.ROOT: {
                String name = in.getString();
                roots.put(name, ValueCodec.read(in, this));
                break;
            }
            case RecordType.COMMIT:
            case RecordType.END:
                break;
            default:
                throw new IllegalStateException("unknown record type " + type);
        }
    }

    private void applyNew() {
        long oid = in.getVarLong();
        Class<?> type = classFor(in.getVarInt());
        int kind = in.getByte();
        if (kind == GraphCodec.NEW_COLLECTION) {
            RecoveryClasses.checkCollection(type);
        } else if (kind == GraphCodec.NEW_COLLECTION_SUBCLASS) {
            RecoveryClasses.checkCollectionSubclass(type);
        } else {
            RecoveryClasses.checkTracked(type);
        }
        // An object logged again under its id (linked back after a snapshot marked it unreachable,
        // see Unreachable) is the same object: other objects may hold it; its image follows.
        boolean again = objects.get(oid) != null;
        if (kind == GraphCodec.NEW_OBJECT) {
            if (!again) {
                objects.put(oid, ClassModel.of(type).instantiate());
            }
            return;
        }
        boolean accessOrder = in.getByte() == 1;
        boolean[] adopt = {false};
        Comparator<?> comparator = ComparatorCodec.read(in, this, adopt);
        if (again) {
            return;
        }
        Object c = kind == GraphCodec.NEW_COLLECTION ? newCollection(type, accessOrder, comparator)
                : ClassModel.of(type).instantiateCollection(accessOrder, comparator);
        objects.put(oid, c);
        if (adopt[0]) {
            adoptable.put(c, oid);
        }
    }

    private Object newCollection(Class<?> jdkType, boolean accessOrder, Comparator<?> comparator) {
        Class<?> c = TrackedCollections.trackedClassFor(jdkType);
        if (c == null) {
            throw new IllegalStateException("no tracked replacement for " + jdkType.getName());
        }
        try {
            Constructor<?> ctor;
            if (accessOrder) {
                ctor = c.getConstructor(int.class, float.class, boolean.class);
                return ctor.newInstance(16, 0.75f, true);
            }
            if (comparator != null) {
                ctor = c.getConstructor(Comparator.class);
                return ctor.newInstance(comparator);
            }
            return c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + c.getName(), e);
        }
    }

    private void applyArraySet() {
        Object array = object(in.getVarLong());
        int from = in.getVarInt();
        int count = in.getVarInt();
        if (array == null) {
            // still consume nothing more: the record is skipped as a whole
            return;
        }
        Class<?> component = array.getClass().getComponentType();
        if (component.isPrimitive()) {
            String desc = Kinds.descriptorOf(component);
            for (int i = 0; i < count; i++) {
                Array.set(array, from + i, Kinds.box(desc, in.getZigZag()));
            }
        } else {
            Object[] objs = (Object[]) array;
            for (int i = 0; i < count; i++) {
                objs[from + i] = ValueCodec.read(in, this);
            }
        }
    }

    private void setField(Object owner, boolean image) {
        int id = in.getVarInt();
        LoggedField lf = id >= 0 && id < fields.length ? fields[id] : null;
        if (lf == null) {
            throw new IllegalStateException("field number " + id + " used before it was defined");
        }
        Field f = lf.field();
        if (lf.primitive()) {
            long bits = in.getZigZag();
            if (owner != null && f != null) {
                if (lf.incompatible()) {
                    throw lf.typeChanged();
                }
                setPrimitive(f, owner, lf.descriptor().charAt(0), bits);
            }
            return;
        }
        Object value = ValueCodec.read(in, this);
        if (owner == null || f == null) {
            return; // object not recovered (see warning) or field removed since: ignored
        }
        if (lf.incompatible()) {
            throw lf.typeChanged();
        }
        try {
            Long adopted = image && value != null && !adoptable.isEmpty() ? adoptable.remove(value) : null;
            if (adopted != null) {
                Object built = f.get(owner);
                if (built != null && built.getClass() == value.getClass()) {
                    // keep the collection the constructor built, with its comparator; the RESET that follows fills it
                    objects.put(adopted, built);
                    value = built;
                } else {
                    adoptable.put(value, adopted);
                }
            }
            if (value != null && !f.getType().isInstance(value)) {
                throw new IncompatibleSchemaException("field " + lf.className() + "." + lf.name() + " is "
                        + f.getType().getName() + " now but the log holds a " + value.getClass().getName()
                        + ": an incompatible type change. Fix: keep the old type, or rename the field");
            }
            f.set(owner, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + f, e);
        }
    }

    /** Sets a primitive field from its logged raw bits, without boxing. */
    private static void setPrimitive(Field f, Object owner, char kind, long bits) {
        try {
            switch (kind) {
                case 'I': f.setInt(owner, (int) bits); break;
                case 'J': f.setLong(owner, bits); break;
                case 'Z': f.setBoolean(owner, bits != 0); break;
                case 'B': f.setByte(owner, (byte) bits); break;
                case 'C': f.setChar(owner, (char) bits); break;
                case 'S': f.setShort(owner, (short) bits); break;
                case 'F': f.setFloat(owner, Float.intBitsToFloat((int) bits)); break;
                default: f.setDouble(owner, Double.longBitsToDouble(bits)); break;
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + f, e);
        }
    }

    private Field currentField(String className, String loggedName) {
        Class<?> c;
        try {
            c = load(className);
        } catch (IllegalStateException e) {
            return null;
        }
        String name = renames.fieldName(c.getName(), loggedName);
        try {
            Field f = c.getDeclaredField(name);
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || Modifier.isTransient(m) || ThirdParty.current().isExcluded(f)) {
                return null; // no longer part of the image: what the log holds for it is ignored
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private Object object(long oid) {
        Object o = objects.get(oid);
        if (o == null && missing.add(oid)) {
            LOG.log(System.Logger.Level.WARNING, "log record refers to object " + oid
                    + ", which no committed record created; its changes are skipped");
        }
        return o;
    }

    private Class<?> typeOf(String descriptor) {
        if (Kinds.isPrimitive(descriptor)) {
            switch (descriptor.charAt(0)) {
                case 'I': return int.class;
                case 'J': return long.class;
                case 'Z': return boolean.class;
                case 'B': return byte.class;
                case 'C': return char.class;
                case 'S': return short.class;
                case 'F': return float.class;
                case 'D': return double.class;
                default: throw new IllegalStateException("bad descriptor " + descriptor);
            }
        }
        return load(Kinds.javaName(descriptor));
    }

    private Class<?> load(String loggedName) {
        String name = renames.className(loggedName);
        for (ClassLoader l : new ClassLoader[] {loader, Thread.currentThread().getContextClassLoader(),
                ClassLoader.getSystemClassLoader()}) {
            try {
                return Class.forName(name, false, l);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        throw new IncompatibleSchemaException("class " + name + " named in the recorded state is not on the class path"
                + " (renamed or removed?). Fix: put it back, or map its new name with renames=" + name + ":new.Name");
    }

    @Override
    public Class<?> classFor(int id) {
        Class<?> c = classes.get(id);
        if (c == null) {
            String name = classNames.get(id);
            if (name == null) {
                throw new IllegalStateException("class number " + id + " used before it was defined");
            }
            c = load(name);
            classes.put(id, c);
        }
        return c;
    }

    @Override
    public Object objectFor(long oid) {
        return object(oid);
    }
}
