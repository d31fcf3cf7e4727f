package dev.lazarus.it.apps;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Renders values as exact, ASCII-only text, the same way in the run that builds the state and in
 * the run that recovers it, so that a test can compare the two printouts line by line. Exact means:
 * the raw bits of floating-point values (so -0.0, NaN, extremes are told apart), the type of every
 * value (so a recovered Integer is not a Long, a LinkedHashMap not a HashMap), non-ASCII characters
 * escaped, and tracked objects by their label (their identity is checked separately).
 */
public final class Show {
    private Show() {
    }

    /** Tracked objects of the test apps render as their label. */
    public interface Labeled {
        String label();
    }

    public static String v(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof String s) {
            if (s.length() > 200) {
                return "String(length=" + s.length() + ", hash=" + s.hashCode() + ", head=\"" + esc(s.substring(0, 20))
                        + "\", tail=\"" + esc(s.substring(s.length() - 20)) + "\")";
            }
            return "\"" + esc(s) + "\"";
        }
        if (o instanceof Character c) {
            return "C'" + esc(String.valueOf(c)) + "'";
        }
        if (o instanceof Double d) {
            return "D(" + d + "|0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        if (o instanceof Float f) {
            return "F(" + f + "|0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        }
        if (o instanceof Integer) {
            return "I(" + o + ")";
        }
        if (o instanceof Long) {
            return "J(" + o + ")";
        }
        if (o instanceof Short) {
            return "S(" + o + ")";
        }
        if (o instanceof Byte) {
            return "B(" + o + ")";
        }
        if (o instanceof Boolean) {
            return "Z(" + o + ")";
        }
        if (o instanceof Enum<?> e) {
            // the class of a constant with a body is a subclass: show it, and that it is THE constant
            return "E(" + e.getDeclaringClass().getSimpleName() + "." + e.name()
                    + (e.getClass() != e.getDeclaringClass() ? "+body" : "")
                    + (Enum.valueOf(e.getDeclaringClass(), e.name()) == e ? "" : " NOT-THE-CONSTANT") + ")";
        }
        if (o instanceof BigDecimal bd) {
            return "BD(" + bd + ",scale=" + bd.scale() + ")";
        }
        if (o instanceof BigInteger bi) {
            return "BI(" + bi + ")";
        }
        if (o instanceof Labeled l) {
            return l.label();
        }
        if (o instanceof Record r) {
            StringBuilder b = new StringBuilder(r.getClass().getSimpleName()).append('[');
            RecordComponent[] rcs = r.getClass().getRecordComponents();
            for (int i = 0; i < rcs.length; i++) {
                try {
                    rcs[i].getAccessor().setAccessible(true);
                    b.append(i == 0 ? "" : ", ").append(rcs[i].getName()).append('=')
                            .append(v(rcs[i].getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return b.append(']').toString();
        }
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder(jdkClass(o)).append(comparator(o)).append("(size=").append(m.size()).append(")[");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ", ").append(v(e.getKey())).append('=').append(v(e.getValue()));
                first = false;
            }
            return b.append(']').toString();
        }
        if (o instanceof Collection<?> c) {
            StringBuilder b = new StringBuilder(jdkClass(o)).append(comparator(o)).append("(size=").append(c.size()).append(")[");
            boolean first = true;
            for (Object e : c) {
                b.append(first ? "" : ", ").append(v(e));
                first = false;
            }
            return b.append(']').toString();
        }
        if (o.getClass().isArray()) {
            StringBuilder b = new StringBuilder(o.getClass().getComponentType().getSimpleName()).append("[")
                    .append(Array.getLength(o)).append("]{");
            for (int i = 0; i < Array.getLength(o); i++) {
                b.append(i == 0 ? "" : ", ").append(v(Array.get(o, i)));
            }
            return b.append('}').toString();
        }
        if (o.getClass().getName().startsWith("java.time.") || o instanceof java.util.UUID) {
            return o.getClass().getSimpleName() + "(" + o + ")";
        }
        return o.getClass().getName() + "(" + esc(String.valueOf(o)) + ")";
    }

    /** One line per instance field (superclasses first): {@code Class.field=value}, injected fields left out. */
    public static List<String> fields(Object o) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<String> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.getName().startsWith("$")) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    out.add(c.getSimpleName() + "." + f.getName() + "=" + v(f.get(o)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /** The JDK class a collection is (tracked versions extend it): a recovered LinkedHashMap must not be a HashMap. */
    public static String jdkClass(Object o) {
        Class<?> c = o.getClass();
        while (c != null && !c.getName().startsWith("java.")) {
            c = c.getSuperclass();
        }
        return c == null ? o.getClass().getName() : c.getSimpleName();
    }

    private static String comparator(Object o) {
        Object cmp = o instanceof SortedMap<?, ?> m ? m.comparator() : o instanceof SortedSet<?> s ? s.comparator() : null;
        if (cmp == null) {
            return "";
        }
        String name = cmp.getClass().getName();
        // a lambda's class name carries a per-run suffix: only say that it is one
        return "<" + (name.contains("$$Lambda") ? "lambda" : name) + ">";
    }

    public static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /** Distinct objects (by identity) reachable from the given ones through tracked objects, collections and arrays. */
    public static int distinct(Object... roots) {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        List<Object> todo = new ArrayList<>(List.of(roots));
        while (!todo.isEmpty()) {
            Object o = todo.remove(todo.size() - 1);
            if (o == null || seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            if (o instanceof Map<?, ?> m) {
                todo.addAll(m.keySet());
                todo.addAll(m.values());
            } else if (o instanceof Collection<?> c) {
                todo.addAll(c);
            } else if (o instanceof Object[] a) {
                todo.addAll(java.util.Arrays.asList(a));
            } else if (o instanceof Graphed g) {
                todo.addAll(g.edges());
            }
        }
        return (int) seen.keySet().stream().filter(x -> x instanceof Labeled).count();
    }

    /** Tracked objects of the test apps that point to others. */
    public interface Graphed {
        List<Object> edges();
    }
}
