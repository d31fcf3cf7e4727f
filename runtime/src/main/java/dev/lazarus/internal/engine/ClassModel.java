package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Recovering;
import dev.lazarus.internal.hook.Restoring;
import dev.lazarus.internal.hook.Tracked;
import dev.lazarus.internal.record.FieldTable;
import dev.lazarus.internal.record.GraphCodec;
import dev.lazarus.internal.record.Kinds;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the engine knows about one tracked class: the fields that make up an object's image (final
 * ones and an inner class's outer reference included; static, transient and {@code exclude=}d ones
 * not), with their numbers, and how to create an empty instance on recovery (its no-arg constructor where
 * there is one, so that fields added since the log was written get their initial values).
 */
public final class ClassModel {
    /** One persistent field. */
    public record Slot(Field field, int id, String descriptor) {
        public boolean primitive() {
            return descriptor.length() == 1;
        }
    }

    private static final ClassValue<ClassModel> MODELS = new ClassValue<>() {
        @Override
        protected ClassModel computeValue(Class<?> type) {
            return new ClassModel(type);
        }
    };

    /** The package of the tracked collections: their own fields (and their JDK superclasses') are not an image's. */
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    private static final String COLLECTIONS = "dev.lazarus.internal.collection.";

    final Class<?> type;
    /**
     * For a tracked collection or an application's subclass of one: the JDK class it stands for
     * ({@code TrackedHashMap} → {@code HashMap}); null for anything else, a {@code @Durable}
     * subclass of a JDK collection Lazarus has no replacement for included.
     */
    public final Class<?> jdkCollection;
    /**
     * An application's subclass of a tracked collection (the agent rewrote its superclass): named in
     * the log by its own class, with an image of its own fields, recreated through its recovery constructor.
     */
    public final boolean collectionSubclass;
    public final List<Slot> slots = new ArrayList<>();
    /** Fields of untracked superclasses that hold state Lazarus cannot follow; empty when fine. */
    final List<Field> untracked = new ArrayList<>();
    /** Fields that {@code exclude=} names: the application's wiring (connections, clocks, callbacks). */
    final List<Field> wiring = new ArrayList<>();
    /** The no-arg constructor, or for a collection subclass the one the agent added; null if none. */
    private final Constructor<?> recoveryConstructor;
    /** Set once the no-arg constructor threw: later instances are allocated without it (warned once). */
    private volatile boolean constructorFailed;

    private ClassModel(Class<?> type) {
        this.type = type;
        this.jdkCollection = jdkCollectionOf(type);
        this.collectionSubclass = jdkCollection != null && !type.getName().startsWith(COLLECTIONS);
        for (Class<?> c = type; c != null && c != Object.class && !c.getName().startsWith(COLLECTIONS);
                c = c.getSuperclass()) {
            boolean tracked = Tracked.class.isAssignableFrom(c);
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || (f.isSynthetic() && !isOuterReference(f))) {
                    continue;
                }
                if (ThirdParty.current().isExcluded(f)) {
                    f.setAccessible(true);
                    wiring.add(f);
                    continue;
                }
                if (!tracked) {
                    untracked.add(f);
                    continue;
                }
                f.setAccessible(true);
                String desc = Kinds.descriptorOf(f.getType());
                slots.add(new Slot(f, FieldTable.id(c.getName(), f.getName(), desc), desc));
            }
        }
        Constructor<?> ctor = null;
        try {
            ctor = collectionSubclass ? type.getDeclaredConstructor(Restoring.class, boolean.class, Comparator.class)
                    : type.getDeclaredConstructor();
            ctor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            ctor = null;
        }
        this.recoveryConstructor = ctor;
    }

    /** The JDK class above the tracked collection {@code type} extends, or null when it extends none. */
    private static Class<?> jdkCollectionOf(Class<?> type) {
        if (!Map.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type)) {
            return null;
        }
        boolean tracked = false;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().startsWith(COLLECTIONS)) {
                tracked = true;
            } else if (tracked) {
                return c;
            }
        }
        return null;
    }

    /**
     * The reference of a non-static inner class to its enclosing instance ({@code this$0}), and the
     * local variables an anonymous class captured ({@code val$max}): final and synthetic, set by the
     * constructor, so they are part of the image like any final field (an anonymous LRU map's
     * {@code removeEldestEntry} reads them after recovery).
     */
    static boolean isOuterReference(Field f) {
        return f.isSynthetic() && (f.getName().startsWith("this$") || f.getName().startsWith("val$"));
    }

    public static ClassModel of(Class<?> type) {
        return MODELS.get(type);
    }

    /**
     * Gives the recovered value of a root the wiring ({@code exclude=} fields) of the object the
     * application's constructor has just built for that root: connections, clocks and callbacks
     * belong to this run, not to the log.
     */
    static void adoptWiring(Object built, Object recovered) {
        if (built == null || recovered == null || built.getClass() != recovered.getClass()) {
            return;
        }
        for (Field f : of(recovered.getClass()).wiring) {
            try {
                f.set(recovered, f.get(built));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + f + " of a recovered root", e);
            }
        }
    }

    /** The slot of field number {@code id}; it must be one of this class's. */
    Slot slot(int id) {
        for (Slot s : slots) {
            if (s.id() == id) {
                return s;
            }
        }
        throw new IllegalArgumentException("field " + id + " is not a field of " + type.getName());
    }

    /**
     * A fresh instance of a collection subclass for recovery, through the constructor the agent
     * added (no application code runs); its fields come from its image.
     */
    public Object instantiateCollection(boolean accessOrder, Comparator<?> comparator) {
        if (recoveryConstructor == null) {
            throw new IllegalStateException(type.getName() + " has no recovery constructor: the agent did not rewrite it");
        }
        try {
            return recoveryConstructor.newInstance(null, accessOrder, comparator);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot recreate " + type.getName() + " during recovery: " + e.getCause(), e);
        }
    }

    /**
     * Runs a replayed collection operation on {@code o}, with its {@code removeEldestEntry} answering
     * false ({@link Recovering}: the log has the removals), and undoes what the application's overrides
     * it ran ({@code put} counting calls, {@code removeEldestEntry} counting evictions) did to
     * {@code o}'s own fields: those writes are in the log as records of their own, and would otherwise
     * be applied twice.
     */
    public void replayKeepingFields(Object o, Runnable operation) {
        Object[] saved = new Object[slots.size()];
        for (int i = 0; i < saved.length; i++) {
            saved[i] = GraphCodec.read(slots.get(i).field(), o);
        }
        try {
            Recovering.run(operation);
        } finally {
            for (int i = 0; i < saved.length; i++) {
                try {
                    slots.get(i).field().set(o, saved[i]);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot restore " + slots.get(i).field(), e);
                }
            }
        }
    }

    /**
     * A fresh instance for recovery (or a snapshot's shadow graph); the caller keeps hooks silent
     * while it runs. Through the no-arg constructor where there is one, so that transient and excluded
     * fields, and fields added since the data was written, get what it sets. A constructor that throws
     * (a guard such as "use new Fragile(name)") must not lock the application out of its own data:
     * the object is then created without one, and a warning, once per class, says what that leaves unset.
     */
    public Object instantiate() {
        if (recoveryConstructor != null && !constructorFailed) {
            try {
                return recoveryConstructor.newInstance();
            } catch (InvocationTargetException e) {
                constructorFailed = true;
                LOG.log(System.Logger.Level.WARNING, "Lazarus: the no-arg constructor of " + type.getName() + " threw "
                        + e.getCause() + " while recovering its objects; they are created without a constructor from now"
                        + " on and get their fields from the log, but transient and excluded fields, and fields added since"
                        + " the data was written, keep their default values (0, false, null). Fix: let the no-arg"
                        + " constructor run (it may be private), or give it none.");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the no-arg constructor of " + type.getName()
                        + " cannot be called during recovery: " + e, e);
            }
        }
        return UnsafeAccess.allocate(type);
    }
}
