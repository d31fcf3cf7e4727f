package dev.lazarus.internal.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classes the user cannot annotate, made durable by configuration (DESIGN §1): {@code classes=}
 * globs of classes tracked as if {@code @Durable}, {@code roots=} fields treated as {@code @Durable}
 * roots, and {@code exclude=} fields the application wires itself, never logged.
 *
 * <p>Glob syntax, on binary class names ({@code com.acme.Store$Entry}): {@code *} matches any
 * characters but {@code .} (so one package level, nested classes included), {@code **} any
 * characters; entries are separated by {@code ;}. Fields are named {@code pkg.Class.field}; a root
 * may be keyed, {@code pkg.Class.field[keyField]}, as {@code @Durable(key = "keyField")} would.
 *
 * <p>The instrumentation asks it about classes and fields by internal name at load time; the engine
 * asks it which fields to leave out of an image. Installed once by the agent before any application
 * class loads.
 */
public final class ThirdParty {
    public static final ThirdParty NONE = new ThirdParty(List.of(), Map.of(), Map.of(), Map.of());
    private static final Pattern KEYED = Pattern.compile("([\\w$.]+)\\[([\\w$]+)]");

    private static volatile ThirdParty current = NONE;

    private final List<Pattern> classes;
    /** Root and excluded fields by their class's internal name ({@code a/b/C}). */
    private final Map<String, Set<String>> roots;
    private final Map<String, Set<String>> excluded;
    /** Keyed roots: "a/b/C.field" → the name of the key field. */
    private final Map<String, String> rootKeys;

    private ThirdParty(List<Pattern> classes, Map<String, Set<String>> roots, Map<String, Set<String>> excluded,
                       Map<String, String> rootKeys) {
        this.classes = classes;
        this.roots = roots;
        this.excluded = excluded;
        this.rootKeys = rootKeys;
    }

    /**
     * Parses the three options (each may be null or blank); throws IllegalArgumentException naming
     * the bad entry, its message starting with the option's name ({@code classes}, {@code roots}, {@code exclude}).
     */
    public static ThirdParty parse(String classGlobs, String rootFields, String excludedFields) {
        List<Pattern> globs = new ArrayList<>();
        for (String g : entries(classGlobs)) {
            if (!g.matches("[\\w$.*]+") || g.contains("***")) {
                throw new IllegalArgumentException("classes entry '" + g + "' is not a class name glob"
                        + " (e.g. com.acme.store.* for one package, com.acme.** for a package and its subpackages)");
            }
            if (isPlatform(g)) {
                throw new IllegalArgumentException("classes entry '" + g + "' names JDK classes, which cannot be"
                        + " instrumented; list the application's or the library's own classes");
            }
            globs.add(compile(g));
        }
        Map<String, String> keys = new HashMap<>();
        List<String> rootEntries = new ArrayList<>();
        for (String e : entries(rootFields)) {
            Matcher m = KEYED.matcher(e);
            if (m.matches()) {
                String field = m.group(1);
                int dot = field.lastIndexOf('.');
                if (dot <= 0 || dot == field.length() - 1) {
                    throw new IllegalArgumentException("roots entry '" + e + "' is not pkg.Class.field[keyField]");
                }
                keys.put(field.substring(0, dot).replace('.', '/') + field.substring(dot), m.group(2));
                rootEntries.add(field);
            } else if (e.contains("[") || e.contains("]")) {
                throw new IllegalArgumentException("roots entry '" + e + "' is not pkg.Class.field[keyField]"
                        + " (a keyed root: keyField names the instance field whose value tells instances apart)");
            } else {
                rootEntries.add(e);
            }
        }
        return new ThirdParty(List.copyOf(globs), fields("roots", String.join(";", rootEntries)),
                fields("exclude", excludedFields), Map.copyOf(keys));
    }

    /** Installs the configuration the engine and the instrumentation consult. */
    public static void install(ThirdParty config) {
        current = config;
    }

    public static ThirdParty current() {
        return current;
    }

    /** Whether {@code internalName} ({@code a/b/C}) matches a {@code classes=} glob. */
    public boolean tracks(String internalName) {
        if (classes.isEmpty()) {
            return false;
        }
        String name = internalName.replace('/', '.');
        for (Pattern p : classes) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    public boolean isRoot(String internalName, String field) {
        Set<String> s = roots.get(internalName);
        return s != null && s.contains(field);
    }

    /** The key field of a keyed root given as {@code roots=pkg.Class.field[keyField]}, else null. */
    public String rootKey(String internalName, String field) {
        return rootKeys.isEmpty() ? null : rootKeys.get(internalName + "." + field);
    }

    public boolean isExcluded(String internalName, String field) {
        Set<String> s = excluded.get(internalName);
        return s != null && s.contains(field);
    }

    public boolean isExcluded(Field f) {
        return !excluded.isEmpty() && isExcluded(f.getDeclaringClass().getName().replace('.', '/'), f.getName());
    }

    /** Whether {@code roots=} or {@code exclude=} names fields of class {@code internalName}. */
    public boolean namesFieldsOf(String internalName) {
        return roots.containsKey(internalName) || excluded.containsKey(internalName);
    }

    /**
     * The fields {@code roots=} and {@code exclude=} name in class {@code internalName} that it
     * does not declare, as "option pkg.Class.field" (empty when all exist).
     */
    public List<String> missingFields(String internalName, Set<String> declared) {
        List<String> missing = new ArrayList<>();
        for (String f : roots.getOrDefault(internalName, Set.of())) {
            if (!declared.contains(f)) {
                missing.add("roots=" + internalName.replace('/', '.') + "." + f);
            }
        }
        for (String f : excluded.getOrDefault(internalName, Set.of())) {
            if (!declared.contains(f)) {
                missing.add("exclude=" + internalName.replace('/', '.') + "." + f);
            }
        }
        return missing;
    }

    private static List<String> entries(String spec) {
        List<String> out = new ArrayList<>();
        if (spec != null) {
            for (String e : spec.split(";")) {
                if (!e.isBlank()) {
                    out.add(e.trim());
                }
            }
        }
        return out;
    }

    private static Map<String, Set<String>> fields(String option, String spec) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String e : entries(spec)) {
            int dot = e.lastIndexOf('.');
            if (dot <= 0 || dot == e.length() - 1 || !e.matches("[\\w$.]+")) {
                throw new IllegalArgumentException(option + " entry '" + e + "' is not pkg.Class.field"
                        + " (nested classes with $: pkg.Outer$Inner.field)");
            }
            out.computeIfAbsent(e.substring(0, dot).replace('.', '/'), k -> new HashSet<>()).add(e.substring(dot + 1));
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^.]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static boolean isPlatform(String glob) {
        for (String p : new String[] {"java.", "javax.", "jdk.", "sun.", "com.sun."}) {
            if (glob.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
