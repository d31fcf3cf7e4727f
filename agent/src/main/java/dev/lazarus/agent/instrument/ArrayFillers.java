package dev.lazarus.agent.instrument;

import java.util.HashMap;
import java.util.Map;

/**
 * JDK methods that write into an array they are given: {@code random.nextBytes(salt)},
 * {@code in.read(buffer)}, {@code s.getChars(0, n, chars, 0)}, {@code byteBuffer.get(dst)},
 * {@code list.toArray(array)}... Called on a tracked array, their writes happen in JDK code, which is
 * not instrumented; so a class whose array stores are rewritten calls them through a bridge that then
 * reports the array as written whole ({@code Hooks.arrayWrittenAll}, which ignores untracked arrays).
 * Matched by name and descriptor whatever the receiver's class: an application method with the same
 * signature that does not write the array only costs a record.
 */
final class ArrayFillers {
    /** "name descriptor" → the index, among the call's arguments, of the array the method writes. */
    private static final Map<String, Integer> WRITTEN = fillers();

    private ArrayFillers() {
    }

    /** The index of the argument that {@code name descriptor} writes, or -1 when it is not a filler. */
    static int writtenArgument(String name, String descriptor) {
        return WRITTEN.getOrDefault(name + descriptor, -1);
    }

    private static Map<String, Integer> fillers() {
        Map<String, Integer> m = new HashMap<>();
        m.put("nextBytes([B)V", 0);                                 // Random, SecureRandom, RandomGenerator
        for (String in : new String[] {"read([B)I", "read([BII)I", "readNBytes([BII)I", "readFully([B)V",
                "readFully([BII)V", "read([C)I", "read([CII)I"}) {
            m.put(in, 0);                                           // InputStream, DataInput, RandomAccessFile, Reader
        }
        m.put("getChars(II[CI)V", 2);                               // String, StringBuilder, StringBuffer
        m.put("getBytes(II[BI)V", 2);                               // String (deprecated)
        m.put("toArray([Ljava/lang/Object;)[Ljava/lang/Object;", 0); // Collection.toArray(T[])
        m.put("digest([BII)I", 0);                                  // MessageDigest
        // bulk gets of the NIO buffers, relative and (Java 13+) absolute
        for (String t : new String[] {"Byte:B", "Char:C", "Short:S", "Int:I", "Long:J", "Float:F", "Double:D"}) {
            String buffer = "Ljava/nio/" + t.substring(0, t.indexOf(':')) + "Buffer;";
            String a = "[" + t.substring(t.indexOf(':') + 1);
            m.put("get(" + a + ")" + buffer, 0);
            m.put("get(" + a + "II)" + buffer, 0);
            m.put("get(I" + a + ")" + buffer, 1);
            m.put("get(I" + a + "II)" + buffer, 1);
        }
        return Map.copyOf(m);
    }
}
