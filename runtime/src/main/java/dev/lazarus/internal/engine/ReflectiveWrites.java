package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Tracked;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes to tracked fields made by reflection, and the handles that would write them unseen.
 * The agent makes {@code Field.set*} call {@link #written} after the JDK has written (its access
 * checks and conversions unchanged), and makes the JDK methods that create a write handle on a
 * field ({@code VarHandle}, a setter {@code MethodHandle}, an atomic field updater,
 * {@code Unsafe.objectFieldOffset}) call {@link #handleMade} first.
 *
 * <p>A reflective write is logged by calling the class's own injected setter with the value the
 * field now holds: the same record, transaction and refusal as {@code field = value} in code. A root
 * goes through the root hooks as an assignment in code does. A handle is refused when it is made,
 * because what is written through it later cannot be seen: an error naming the field and the fix
 * beats a change lost after a crash. Lazarus's own code (recovery sets fields by reflection) is
 * let through: the caller's class loader tells.
 */
public final class ReflectiveWrites {
    private static final ClassLoader OWN = ReflectiveWrites.class.getClassLoader();
    private static final String SETTER_PREFIX = "$lz$w$";
    /** The class the agent defines in {@code java.lang.reflect} to call this one. */
    private static final String HOOK_CLASS = "java.lang.reflect.LazarusReflectionHook";

    /** What a field of a class is to Lazarus; absent from the map: nothing (not tracked). */
    private sealed interface Kind {
    }

    private record Logged(MethodHandle getter, MethodHandle setter) implements Kind {
    }

    /** A root ({@code @Durable} field or {@code roots=}), or a {@code @Distributed} field. */
    private record Root(MethodHandle getter, MethodHandle setter, boolean distributed, String keyField) implements Kind {
    }

    /** An instance field that is part of the image but has no setter: a {@code final} one. */
    private record Unlogged() implements Kind {
    }

    /** Not a field Lazarus logs or refuses. */
    private record Untracked() implements Kind {
    }

    private static final Kind NONE = new Untracked();

    /** Per class, what each of its fields that reflection touched is: one look per field, on first use. */
    private static final ClassValue<Map<String, Kind>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Kind> computeValue(Class<?> c) {
            return new ConcurrentHashMap<>();
        }
    };

    private ReflectiveWrites() {
    }

    /**
     * After {@code f.set*(target, ...)} returned normally in a class outside Lazarus; {@code target} is
     * null for a static field.
     */
    public static void written(Field f, Object target) {
        Kind kind = kindOf(f);
        if (kind == NONE) {
            return;
        }
        try {
            if (kind instanceof Logged l) {
                if (target instanceof Tracked) {
                    l.setter().invoke(target, l.getter().invoke(target));
                }
            } else if (kind instanceof Root r) {
                assignRoot(f, target, r);
            } else if (target instanceof Tracked t && t.$lz$oid() != 0) {
                throw new UntrackableStateException("Lazarus cannot log the write by reflection to " + name(f)
                        + ": the field is final, so Lazarus logs it only with the object's first image, and this change"
                        + " would be lost after a crash. Fix: make the field non-final, or transient if it need not survive");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot log the write by reflection to " + name(f) + ": " + e, e);
        }
    }

    private static void assignRoot(Field f, Object target, Root r) throws Throwable {
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        Object value = isStatic ? r.getter().invoke() : r.getter().invoke(target);
        Class<?> owner = f.getDeclaringClass();
        Object stored;
        if (r.distributed()) {
            stored = Hooks.distributed(value, owner, f.getName());
        } else if (isStatic) {
            stored = Hooks.root(value, owner, f.getName());
        } else {
            stored = Hooks.instanceRoot(target, value, owner, f.getName(), r.keyField());
        }
        if (stored != value) { // the recovered state, or the map that stands for a @Distributed one
            if (isStatic) {
                r.setter().invoke(stored);
            } else {
                r.setter().invoke(target, stored);
            }
        }
    }

    /**
     * Before a handle that writes field {@code name} of {@code c} (or of a superclass) is made by
     * {@code via}: refuses it when the field is tracked, unless Lazarus itself makes it.
     */
    public static void handleMade(Class<?> c, String name, String via) {
        // the JDK makes handles on its own classes at every class initialisation: no walk for those;
        // Lazarus makes them too, in look(), while it looks a field up: no recursion
        if (c.getClassLoader() == null || madeByJdkOrLazarus()) {
            return;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            Field f = declared(k, name);
            if (f == null) {
                continue;
            }
            if (kindOf(f) != NONE) {
                throw new UntrackableStateException("Lazarus cannot log writes to " + k.getName() + "." + name
                        + " made through " + via + ": they would not be seen, and lost after a crash. Fix: write the"
                        + " field in code (a method of " + k.getSimpleName() + "), hold an AtomicLong/AtomicReference"
                        + " in it instead of updating it in place, or make it transient if it need not survive");
            }
            return; // declared here and not tracked
        }
    }

    /**
     * Whether the code that called the JDK method is the JDK's own (since Java 18 {@code Field.set}
     * makes its accessor with {@code unreflectSetter}; its writes reach {@link #written}) or Lazarus's
     * (recovery, snapshots, Kryo, or this class looking a field up). The stack holds, from the top:
     * this hook's frames (Lazarus's loader), the hook class defined in the JDK, the JDK method, then
     * its caller.
     */
    private static boolean madeByJdkOrLazarus() {
        Optional<Class<?>> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(s -> s
                .map(StackWalker.StackFrame::getDeclaringClass)
                .dropWhile(k -> !isJdk(k))
                .dropWhile(k -> k.getName().equals(HOOK_CLASS))
                .skip(1)
                .findFirst());
        return caller.isEmpty() || isJdk(caller.get()) || caller.get().getClassLoader() == OWN;
    }

    private static boolean isJdk(Class<?> k) {
        ClassLoader l = k.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }

    private static Field declared(Class<?> k, String name) {
        try {
            return k.getDeclaredField(name);
        } catch (NoSuchFieldException | LinkageError e) {
            return null;
        }
    }

    private static Kind kindOf(Field f) {
        Class<?> c = f.getDeclaringClass();
        if (c.getClassLoader() == null) {
            return NONE; // the JDK's own classes are never tracked
        }
        return FIELDS.get(c).computeIfAbsent(f.getName(), n -> look(f));
    }

    /** What {@code f} is, from its annotations, the configuration and the setter the agent injected. */
    private static Kind look(Field f) {
        Class<?> c = f.getDeclaringClass();
        int m = f.getModifiers();
        String internal = c.getName().replace('.', '/');
        String durable = annotation(f, "dev.lazarus.Durable");
        boolean distributed = annotation(f, "dev.lazarus.Distributed") != null;
        boolean root = durable != null || distributed || ThirdParty.current().isRoot(internal, f.getName());
        boolean isStatic = Modifier.isStatic(m);
        if (!root && (isStatic || !Tracked.class.isAssignableFrom(c))) {
            return NONE;
        }
        MethodHandles.Lookup lookup = lookupIn(c);
        try {
            if (root) {
                String key = durable == null || durable.isEmpty() ? ThirdParty.current().rootKey(internal, f.getName()) : durable;
                MethodType get = isStatic ? MethodType.methodType(Object.class) : MethodType.methodType(Object.class, Object.class);
                MethodType set = isStatic ? MethodType.methodType(void.class, Object.class)
                        : MethodType.methodType(void.class, Object.class, Object.class);
                return new Root(lookup.unreflectGetter(f).asType(get), lookup.unreflectSetter(f).asType(set), distributed, key);
            }
            try {
                MethodHandle setter = lookup.findStatic(c, SETTER_PREFIX + f.getName(), MethodType.methodType(void.class, c, f.getType()));
                return new Logged(lookup.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class)),
                        setter.asType(MethodType.methodType(void.class, Object.class, Object.class)));
            } catch (NoSuchMethodException e) {
                // no setter: in the image all the same (a final field) or not persistent at all
                boolean image = ClassModel.of(c).slots.stream().anyMatch(s -> s.field().equals(f));
                return image ? new Unlogged() : NONE;
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Lazarus cannot reach " + c.getName() + "." + f.getName() + " to log a"
                    + " write by reflection (" + e.getMessage() + "). Fix: open the package of " + c.getName()
                    + " to Lazarus's class loader, or write the field in code", e);
        }
    }

    /** The {@code key} of the field's {@code @Durable} ("" when it has none), or null when it has no such annotation. */
    private static String annotation(Field f, String type) {
        for (Annotation a : f.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(type)) {
                try {
                    return type.endsWith("Durable") ? (String) a.annotationType().getMethod("key").invoke(a) : "";
                } catch (ReflectiveOperationException e) {
                    return "";
                }
            }
        }
        return null;
    }

    private static MethodHandles.Lookup lookupIn(Class<?> c) {
        try {
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Lazarus cannot reach the fields of " + c.getName() + " to log writes made by"
                    + " reflection (" + e.getMessage() + "). Fix: open its package to Lazarus, or write the fields in code", e);
        }
    }

    private static String name(Field f) {
        return f.getDeclaringClass().getName() + "." + f.getName();
    }
}
