package dev.lazarus.internal.recovery;

import java.util.HashMap;
import java.util.Map;

/**
 * Explicit mappings for classes and fields renamed since the log or snapshot was written
 * (option {@code renames=}): {@code old.pkg.Account:new.pkg.Account;new.pkg.Account#owner:holder},
 * entries separated by {@code ;}, a field named by its (new) class, {@code #}, old name, {@code :},
 * new name.
 */
public final class Renames {
    public static final Renames NONE = new Renames(Map.of(), Map.of());

    private final Map<String, String> classes;
    private final Map<String, String> fields;

    private Renames(Map<String, String> classes, Map<String, String> fields) {
        this.classes = classes;
        this.fields = fields;
    }

    /** Parses the option; throws IllegalArgumentException naming the bad entry. */
    public static Renames parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, String> classes = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        for (String entry : spec.split(";")) {
            String e = entry.trim();
            int colon = e.indexOf(':');
            if (colon <= 0 || colon == e.length() - 1 || e.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("renames entry '" + e + "' is not old:new"
                        + " (classes: old.pkg.A:new.pkg.A; fields: pkg.A#old:new)");
            }
            String from = e.substring(0, colon).trim();
            String to = e.substring(colon + 1).trim();
            if (from.contains("#")) {
                fields.put(from, to);
            } else {
                classes.put(from, to);
            }
        }
        return new Renames(Map.copyOf(classes), Map.copyOf(fields));
    }

    /** The current name of a class the log names. */
    String className(String logged) {
        return classes.getOrDefault(logged, logged);
    }

    /** The current name of a field the log names, in its (current) class. */
    String fieldName(String currentClass, String logged) {
        return fields.getOrDefault(currentClass + "#" + logged, logged);
    }
}
