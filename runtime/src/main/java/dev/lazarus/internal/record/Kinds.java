package dev.lazarus.internal.record;

/** Helpers for JVM field descriptors and boxing by descriptor. */
public final class Kinds {
    private Kinds() {
    }

    public static boolean isPrimitive(String descriptor) {
        return descriptor.length() == 1;
    }

    public static String descriptorOf(Class<?> c) {
        if (c.isPrimitive()) {
            if (c == int.class) {
                return "I";
            }
            if (c == long.class) {
                return "J";
            }
            if (c == boolean.class) {
                return "Z";
            }
            if (c == byte.class) {
                return "B";
            }
            if (c == char.class) {
                return "C";
            }
            if (c == short.class) {
                return "S";
            }
            if (c == float.class) {
                return "F";
            }
            if (c == double.class) {
                return "D";
            }
            return "V";
        }
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        return "L" + c.getName().replace('.', '/') + ";";
    }

    /** The raw bits of a primitive value as they are logged (floats and doubles as raw bits). */
    static long rawBits(Object boxed) {
        if (boxed instanceof Integer i) {
            return i;
        }
        if (boxed instanceof Long l) {
            return l;
        }
        if (boxed instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (boxed instanceof Byte b) {
            return b;
        }
        if (boxed instanceof Character c) {
            return c;
        }
        if (boxed instanceof Short s) {
            return s;
        }
        if (boxed instanceof Float f) {
            return Float.floatToRawIntBits(f);
        }
        if (boxed instanceof Double d) {
            return Double.doubleToRawLongBits(d);
        }
        throw new IllegalArgumentException("not a primitive box: " + boxed);
    }

    /** The boxed value of logged raw bits for a primitive descriptor. */
    public static Object box(String descriptor, long bits) {
        switch (descriptor.charAt(0)) {
            case 'I': return (int) bits;
            case 'J': return bits;
            case 'Z': return bits != 0;
            case 'B': return (byte) bits;
            case 'C': return (char) bits;
            case 'S': return (short) bits;
            case 'F': return Float.intBitsToFloat((int) bits);
            case 'D': return Double.longBitsToDouble(bits);
            default: throw new IllegalArgumentException("not a primitive descriptor: " + descriptor);
        }
    }

    public static String javaName(String descriptor) {
        switch (descriptor) {
            case "I": return "int";
            case "J": return "long";
            case "Z": return "boolean";
            case "B": return "byte";
            case "C": return "char";
            case "S": return "short";
            case "F": return "float";
            case "D": return "double";
            default:
                if (descriptor.startsWith("L")) {
                    return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
                }
                return descriptor.replace('/', '.');
        }
    }
}
