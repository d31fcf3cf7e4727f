package dev.lazarus.internal.engine;

import java.util.UUID;

/**
 * The identity of a root as ROOT records and snapshots store it: {@code pkg.Class.field} for a
 * static root or an unkeyed instance root (the form every data directory written so far holds), and
 * {@code pkg.Class.field[key]} for a keyed instance root. The key is written from its value alone, in
 * a form that depends on nothing of the run (no hash codes, no identity): a decimal number,
 * {@code true}/{@code false}, a quoted and escaped string or char, an enum constant's name, a UUID's
 * canonical text. Java identifiers cannot hold {@code [}, so the first one starts the key.
 */
public final class RootNames {
    private RootNames() {
    }

    public static String of(Class<?> owner, String field) {
        return owner.getName() + "." + field;
    }

    /** The identity of a keyed root; throws IllegalArgumentException for a key of another type. */
    public static String keyed(Class<?> owner, String field, Object key) {
        return of(owner, field) + "[" + keyText(key) + "]";
    }

    /** Whether values of this type can key a root: primitives and their boxes, String, enums, UUID. */
    public static boolean isKeyType(Class<?> type) {
        return type.isPrimitive() || type == String.class || type == Character.class || type == Boolean.class
                || Number.class.isAssignableFrom(type) && type.getName().startsWith("java.lang.")
                || type.isEnum() || type == UUID.class;
    }

    static String keyText(Object key) {
        if (key instanceof String s) {
            return quote(s, '"');
        }
        if (key instanceof Character c) {
            return quote(String.valueOf(c), '\'');
        }
        if (key instanceof Enum<?> e) {
            return e.name();
        }
        if (key instanceof Boolean || key instanceof UUID || key != null && isKeyType(key.getClass())) {
            return key.toString();
        }
        throw new IllegalArgumentException(key == null ? "null" : key.getClass().getName());
    }

    /** {@code pkg.Class.field[key]} → {@code {"pkg.Class", "field[key]"}}; a name without a dot → {@code {"", name}}. */
    public static String[] split(String name) {
        int bracket = name.indexOf('[');
        int dot = name.lastIndexOf('.', bracket < 0 ? name.length() - 1 : bracket);
        return new String[] {name.substring(0, Math.max(dot, 0)), name.substring(dot + 1)};
    }

    private static String quote(String s, char quote) {
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(quote).toString();
    }
}
