package dev.lazarus.internal.engine;

import dev.lazarus.internal.record.Kinds;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mutable JDK types Lazarus accepts as field values of tracked objects: each is logged whole,
 * and logged whole again after every call of one of its mutating methods made from instrumented
 * code. Only these exact classes (a subclass may add state or methods Lazarus does not know).
 */
public final class MutableValues {
    private static final Set<Class<?>> TYPES = Set.of(BitSet.class, StringBuilder.class, ByteArrayOutputStream.class,
            AtomicInteger.class, AtomicLong.class, AtomicBoolean.class, AtomicReference.class);

    private static final Set<String> ATOMIC_MUTATORS = Set.of("set", "lazySet", "setPlain", "setOpaque", "setRelease",
            "getAndSet", "compareAndSet", "weakCompareAndSet", "weakCompareAndSetPlain", "weakCompareAndSetVolatile",
            "weakCompareAndSetAcquire", "weakCompareAndSetRelease", "compareAndExchange", "compareAndExchangeAcquire",
            "compareAndExchangeRelease", "getAndIncrement", "getAndDecrement", "getAndAdd", "incrementAndGet",
            "decrementAndGet", "addAndGet", "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet");

    /** Mutating instance methods by the internal name of the class a call site names. */
    private static final Map<String, Set<String>> MUTATORS = Map.of(
            "java/util/BitSet", Set.of("set", "clear", "flip", "and", "or", "xor", "andNot"),
            "java/lang/StringBuilder", Set.of("append", "appendCodePoint", "insert", "delete", "deleteCharAt",
                    "replace", "reverse", "setCharAt", "setLength"),
            "java/io/ByteArrayOutputStream", Set.of("write", "writeBytes", "reset"),
            "java/util/concurrent/atomic/AtomicInteger", ATOMIC_MUTATORS,
            "java/util/concurrent/atomic/AtomicLong", ATOMIC_MUTATORS,
            "java/util/concurrent/atomic/AtomicBoolean", ATOMIC_MUTATORS,
            "java/util/concurrent/atomic/AtomicReference", ATOMIC_MUTATORS);

    /** Field descriptors that can hold one of the types: the types, their superclasses and interfaces. */
    private static final Set<String> HOLDERS = holders();

    private MutableValues() {
    }

    public static boolean isMutableValue(Class<?> c) {
        return index(c) >= 0;
    }

    /** A small number for each of the types, -1 for any other class; compares only, no lookup. */
    static int index(Class<?> c) {
        if (c == StringBuilder.class) {
            return 0;
        }
        if (c == BitSet.class) {
            return 1;
        }
        if (c == AtomicLong.class) {
            return 2;
        }
        if (c == AtomicInteger.class) {
            return 3;
        }
        if (c == AtomicBoolean.class) {
            return 4;
        }
        if (c == AtomicReference.class) {
            return 5;
        }
        if (c == ByteArrayOutputStream.class) {
            return 6;
        }
        return -1;
    }

    /** Whether a call site {@code owner.name(...)} (owner an internal name) mutates one of the types. */
    public static boolean isMutator(String owner, String name) {
        Set<String> names = MUTATORS.get(owner);
        return names != null && names.contains(name);
    }

    /** Whether a field of this descriptor can hold one of the types (so its setter reports its owner). */
    public static boolean mayHold(String fieldDescriptor) {
        return HOLDERS.contains(fieldDescriptor);
    }

    private static Set<String> holders() {
        Set<String> out = new HashSet<>();
        Deque<Class<?>> work = new ArrayDeque<>(TYPES);
        while (!work.isEmpty()) {
            Class<?> c = work.pop();
            if (out.add(Kinds.descriptorOf(c))) {
                if (c.getSuperclass() != null) {
                    work.push(c.getSuperclass());
                }
                for (Class<?> i : c.getInterfaces()) {
                    work.push(i);
                }
            }
        }
        return Set.copyOf(out);
    }
}
