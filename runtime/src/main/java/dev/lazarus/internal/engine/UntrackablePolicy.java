package dev.lazarus.internal.engine;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Lazarus says about state it cannot track: the message names the place and the type, why
 * changes would be lost and the fix. With {@code strict} it is an {@link UntrackableStateException}
 * (nothing logged, nothing changed); without, a warning once per place and type, and the value is
 * logged as null.
 */
final class UntrackablePolicy {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

    private final boolean strict;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    UntrackablePolicy(boolean strict) {
        this.strict = strict;
    }

    /** {@code value}, found at {@code path} (see {@link GraphCodec#path}), cannot be tracked. */
    void value(Object value, String path) {
        String type = value.getClass().getName();
        boolean collection = value instanceof Map || value instanceof Collection;
        boolean jdkCollection = collection && type.startsWith("java.");
        boolean mutableValue = MutableValues.isMutableValue(value.getClass());
        if (collection && !jdkCollection) {
            report(path + ":" + type, CollectionSubclassRefusal.message(path, value.getClass()));
            return;
        }
        String why = jdkCollection
                ? "it holds a " + type + " created outside a @Durable class, so changes made through it would be lost after a crash"
                : mutableValue
                ? "it holds a " + type + ", which Lazarus tracks only as the value of a field of a tracked object, not as a"
                        + " collection or array element or a root, so changes to it would be lost after a crash"
                : "it holds a " + type + ", which is mutable and not tracked, so changes to it would be lost after a crash";
        String fix;
        if (mutableValue) {
            fix = "hold it in a field of a @Durable class, or store an immutable value instead (a String for a StringBuilder,"
                    + " a long for an AtomicLong)";
        } else if (jdkCollection) {
            fix = "create the collection inside a @Durable class (new HashMap<>(), new ArrayList<>(other) there are tracked)";
        } else if (type.startsWith("java.") || type.startsWith("javax.")) {
            fix = "store an immutable value instead (a long for a LongAdder, a record, List.of(...)) in a field of a"
                    + " @Durable class, hold a supported mutable value (StringBuilder, BitSet, AtomicLong...), or make the"
                    + " field transient";
        } else {
            fix = "annotate " + type + " with @Durable, store an immutable value instead (a record, String, List.of(...)),"
                    + " or make the field transient";
        }
        // warned once per place and type: two kinds of state in one place are two problems
        report(path + ":" + type, "Lazarus cannot track " + path + ": " + why + ". Fix: " + fix + ".");
    }

    /** {@code f} is declared in a superclass that is not {@code @Durable}: its writes are not seen. */
    void inheritedField(Field f) {
        String name = f.getDeclaringClass().getName() + "." + f.getName();
        report(name, "Lazarus cannot track " + name + ": it is declared in a superclass that is not @Durable, so writes to"
                + " it are not seen. Fix: annotate " + f.getDeclaringClass().getName() + " with @Durable too, or make the"
                + " field transient.");
    }

    private void report(String key, String message) {
        if (strict) {
            throw new UntrackableStateException(message + " (strict=false makes this a warning and logs the value as null)");
        }
        if (warned.add(key)) {
            LOG.log(System.Logger.Level.WARNING, message + " (strict=false: the value is logged as null)");
        }
    }
}
