package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Every JDK way to make a handle that writes a field later, tried on a tracked field (refused when
 * made, naming the field, the mechanism and the fix), on a transient field of the same class and on
 * an untracked class (both allowed); and a reflective write to a final field of an attached object.
 * Prints {@code CASE name THROWN message} or {@code CASE name OK}.
 */
public class HandlesApp {
    @Durable
    static Counter counter = new Counter();

    interface Attempt {
        void run() throws Throwable;
    }

    public static void main(String[] args) throws Exception {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Field hits = Counter.class.getDeclaredField("hits");
        Field unsafeField = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        unsafeField.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) unsafeField.get(null);

        attempt("varhandle", () -> lookup.findVarHandle(Counter.class, "hits", long.class));
        attempt("setter-handle", () -> lookup.findSetter(Counter.class, "last", String.class));
        attempt("unreflect-setter", () -> lookup.unreflectSetter(hits));
        attempt("unreflect-varhandle", () -> lookup.unreflectVarHandle(hits));
        attempt("long-updater", () -> AtomicLongFieldUpdater.newUpdater(Counter.class, "hits"));
        attempt("int-updater", () -> AtomicIntegerFieldUpdater.newUpdater(Counter.class, "misses"));
        attempt("reference-updater", () -> AtomicReferenceFieldUpdater.newUpdater(Counter.class, String.class, "last"));
        attempt("unsafe-offset", () -> unsafe.objectFieldOffset(hits));
        attempt("final-field-by-reflection", () -> {
            Field id = Counter.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(counter, "c2");
        });
        attempt("transient-field-varhandle", () -> lookup.findVarHandle(Counter.class, "scratch", long.class)
                .set(counter, 5L));
        attempt("untracked-class-updater", () -> AtomicLongFieldUpdater.newUpdater(Plain.class, "hits")
                .incrementAndGet(new Plain()));
        attempt("getter-handle", () -> lookup.findGetter(Counter.class, "hits", long.class).invoke(counter));
        System.out.println("DONE");
        System.exit(0);
    }

    private static void attempt(String name, Attempt a) {
        try {
            a.run();
            System.out.println("CASE " + name + " OK");
        } catch (Throwable e) {
            System.out.println("CASE " + name + " THROWN " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
