package dev.lazarus.it.apps.colls;

import dev.lazarus.it.apps.Harness;

import java.util.Arrays;

/** Row: tracked collections. {@code CollApp TYPE MODE}; each type has its own root. */
public class CollApp {
    public static void main(String[] args) throws Exception {
        Harness.Scenario s;
        switch (args[0]) {
            case "ArrayList": s = new ArrayListCase(); break;
            case "LinkedList": s = new LinkedListCase(); break;
            case "ArrayDeque": s = new ArrayDequeCase(); break;
            case "HashMap": s = new HashMapCase(); break;
            case "LinkedHashMap": s = new LinkedHashMapCase(); break;
            case "TreeMap": s = new TreeMapCase(); break;
            case "TreeSet": s = new TreeSetCase(); break;
            case "HashSet": s = new HashSetCase(); break;
            case "LinkedHashSet": s = new LinkedHashSetCase(); break;
            case "ConcurrentHashMap": s = new ConcurrentHashMapCase(); break;
            default: throw new IllegalArgumentException(args[0]);
        }
        Harness.run(Arrays.copyOfRange(args, 1, args.length), s);
    }
}
