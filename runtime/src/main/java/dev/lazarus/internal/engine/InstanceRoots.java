package dev.lazarus.internal.engine;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each assignment of an instance root the identity of the state it stands for, and makes sure
 * that one live instance at a time holds an identity: a second one would otherwise take over (and,
 * after a restart, hand to the first) state that is not its own.
 *
 * <p>An unkeyed root's identity is its class and field; a keyed root's adds the value of the
 * instance's key field at the assignment. The first instance to assign an identity holds it until it
 * is garbage collected (held weakly, so an application that drops an instance and builds a new one
 * is not refused forever); its own later assignments are ordinary writes. Roots are assigned rarely,
 * so this runs under the engine's root lock, never on the path of ordinary field writes.
 */
final class InstanceRoots {
    private final Map<String, WeakReference<Object>> holders = new HashMap<>();
    private final Map<String, Field> keyFields = new HashMap<>();

    /**
     * The identity {@code instance}'s assignment of {@code owner.field} stands for; throws
     * IllegalStateException (naming class, field, key and fix) when another live instance holds it,
     * or when the key is unset or of a type that cannot key a root. The caller holds the root lock.
     */
    String claim(Object instance, Class<?> owner, String field, String keyField) {
        String name = keyField == null ? RootNames.of(owner, field) : keyedName(instance, owner, field, keyField);
        WeakReference<Object> held = holders.get(name);
        Object holder = held == null ? null : held.get();
        if (holder != null && holder != instance) {
            throw new IllegalStateException(keyField == null ? unkeyedTwice(owner, field) : keyedTwice(owner, field, keyField, name));
        }
        if (holder == null) {
            holders.put(name, new WeakReference<>(instance));
        }
        return name;
    }

    private String keyedName(Object instance, Class<?> owner, String field, String keyField) {
        Object key;
        try {
            key = keyField(owner, field, keyField).get(instance);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Lazarus cannot read the key field " + owner.getName() + "." + keyField
                    + " of root " + RootNames.of(owner, field) + ": " + e, e);
        }
        if (key == null) {
            throw new IllegalStateException("Lazarus: the key field " + keyField + " of " + owner.getName()
                    + " is null when root " + RootNames.of(owner, field) + " is assigned, so the root has no identity."
                    + " Fix: assign " + keyField + " before " + field + " (in the constructor, before the line that sets "
                    + field + ")");
        }
        try {
            return RootNames.keyed(owner, field, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Lazarus: the key field " + owner.getName() + "." + keyField + " of root "
                    + RootNames.of(owner, field) + " holds a " + key.getClass().getName() + ", which cannot key a root."
                    + " Fix: key it by a primitive, String, enum or UUID field");
        }
    }

    /** The key field, declared by {@code owner} or a superclass; the agent checked it at class load, this checks again. */
    private Field keyField(Class<?> owner, String field, String keyField) {
        return keyFields.computeIfAbsent(owner.getName() + "#" + keyField, k -> {
            for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(keyField) && !Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        return f;
                    }
                }
            }
            throw new IllegalStateException("Lazarus: root " + RootNames.of(owner, field) + " is keyed by " + keyField
                    + ", which is not an instance field of " + owner.getName() + " or its superclasses."
                    + " Fix: name an instance field in @Durable(key = ...) or roots=...[keyField]");
        });
    }

    private static String unkeyedTwice(Class<?> owner, String field) {
        return "Lazarus: root " + RootNames.of(owner, field) + " is an instance field, and a second live instance of "
                + owner.getName() + " assigns it while the first still holds it: the two would share one durable state"
                + " (after a restart the first would get the second's). Nothing was logged. Fix: give each instance its own"
                + " root with a key field that tells them apart: @Durable(key = \"keyField\") on " + field + ", or roots="
                + RootNames.of(owner, field) + "[keyField]; or make it a static field if there is one state";
    }

    private static String keyedTwice(Class<?> owner, String field, String keyField, String name) {
        return "Lazarus: root " + name + " is assigned by a second live instance of " + owner.getName()
                + " with the same key (" + keyField + " = " + name.substring(name.indexOf('[') + 1, name.length() - 1)
                + ") while the first still holds it: the two would share one durable state. Nothing was logged."
                + " Fix: give each live instance a different " + keyField + ", or key " + field + " by a field that is unique";
    }
}
