package dev.lazarus.it.apps.subclass;

import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * User subclasses of JDK collections created inside a tracked class: an anonymous access-ordered
 * LRU map whose bound is a field of this object, an anonymous one whose bound is a captured local,
 * a named nested LRU map that counts its evictions in a field of its own, and a list subclass.
 */
@Durable
public class Cache {
    int capacity = 3;
    final Map<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > capacity;
        }
    };
    final Map<String, Integer> captured = bounded(2);
    final CountingLru counting = new CountingLru(2);
    final Names names = new Names();

    private static Map<String, Integer> bounded(int max) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > max;
            }
        };
    }

    /** An LRU map with fields of its own, one of them written by removeEldestEntry. */
    static final class CountingLru extends LinkedHashMap<String, Integer> {
        final int max;
        int evictions;
        String lastEvicted = "none";

        CountingLru(int max) {
            super(8, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            if (size() > max) {
                evictions++;
                lastEvicted = eldest.getKey();
                return true;
            }
            return false;
        }
    }

    /** A list subclass whose add goes through super.add. */
    static final class Names extends ArrayList<String> {
        int adds;

        @Override
        public boolean add(String s) {
            adds++;
            return super.add(s.toUpperCase());
        }
    }
}
