package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Tracked;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine knows about one tracked class: the fields that make up an object's image (final
 * ones and an inner class's outer reference included; static, transient and {@code exclude=}d ones
 * not), with their numbers, and how to create an empty instance on recovery (its no-arg constructor where
 * there is one, so that fields added since the log was written get their initial values).
 */
final class ClassModel {
    /** One persistent field. */
    record Slot(Field field, int id, String descriptor) {
        boolean primitive() {
            return descriptor.length() == 1;
        }
    }

    private static final ClassValue<ClassModel> MODELS = new ClassValue<>() {
        @Override
        protected ClassModel computeValue(Class<?> type) {
            return new ClassModel(type);
        }
    };

    final Class<?> type;
    final List<Slot> slots = new ArrayList<>();
    /** Fields of untracked superclasses that hold state Lazarus cannot follow; empty when fine. */
    final List<Field> untracked = new ArrayList<>();
    /** Fields that {@code exclude=} names: the application's wiring (connections, clocks, callbacks). */
    final List<Field> wiring = new ArrayList<>();
    private final Constructor<?> noArg;

    private ClassModel(Class<?> type) {
        this.type = type;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
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
            ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            ctor = null;
        }
        this.noArg = ctor;
    }

    /**
     * The reference of a non-static inner class to its enclosing instance ({@code this$0}): final
     * and synthetic, set by the constructor, so it is part of the image like any final field.
     */
    static boolean isOuterReference(Field f) {
        return f.isSynthetic() && f.getName().startsWith("this$");
    }

    static ClassModel of(Class<?> type) {
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

    /** A fresh instance for recovery; the caller keeps hooks silent while it runs. */
    Object instantiate() {
        if (noArg != null) {
            try {
                return noArg.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the no-arg constructor of " + type.getName()
                        + " failed during recovery: " + e.getCause(), e);
            }
        }
        return UnsafeAccess.allocate(type);
    }
}
