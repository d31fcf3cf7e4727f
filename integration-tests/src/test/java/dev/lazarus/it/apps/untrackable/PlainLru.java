package dev.lazarus.it.apps.untrackable;

import java.util.LinkedHashMap;
import java.util.Map;

/** A LinkedHashMap subclass that is neither @Durable nor declared in a @Durable class: refused, not copied. */
public class PlainLru extends LinkedHashMap<String, String> {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > 2;
    }
}
