package dev.lazarus.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Gathers the option values from their four sources, highest precedence first: agent arguments,
 * system properties ({@code -Dlazarus.KEY}), environment variables ({@code LAZARUS_KEY}), and a
 * properties file ({@code config=FILE}, else {@code lazarus.properties} in the data directory if
 * there is one). A key that is not valid, wherever it appears, is an error that names it and lists
 * the valid ones; checking the values is the caller's job.
 */
final class ConfigSources {
    static final String CONFIG = "config";
    static final String DIR = "dir";
    static final String DEFAULT_DIR = "lazarus-data";
    static final String FILE_NAME = "lazarus.properties";

    private final Map<String, String> keys;

    /** @param keys the valid keys, each with a description of its values, in the order to list them */
    private ConfigSources(Map<String, String> keys) {
        this.keys = keys;
    }

    static Settings read(String agentArgs, Properties system, Map<String, String> env, Map<String, String> keys) {
        ConfigSources sources = new ConfigSources(keys);
        // lowest precedence first: each source overwrites what the ones below it set
        Map<String, Settings.Setting> aboveFile = new HashMap<>(sources.environment(env));
        aboveFile.putAll(sources.systemProperties(system));
        aboveFile.putAll(sources.agentArguments(agentArgs));
        Map<String, Settings.Setting> values = new HashMap<>(sources.file(aboveFile));
        values.putAll(aboveFile);
        values.remove(CONFIG);
        return new Settings(values);
    }

    private Map<String, Settings.Setting> environment(Map<String, String> env) {
        Map<String, Settings.Setting> r = new HashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("LAZARUS_")) {
                String origin = "environment variable " + e.getKey();
                r.put(known(keyOf(e.getKey()), "unknown " + origin), new Settings.Setting(e.getValue(), origin));
            }
        }
        return r;
    }

    private Map<String, Settings.Setting> systemProperties(Properties system) {
        Map<String, Settings.Setting> r = new HashMap<>();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("lazarus.")) {
                String origin = "system property -D" + name;
                r.put(known(name.substring("lazarus.".length()), "unknown " + origin),
                        new Settings.Setting(system.getProperty(name), origin));
            }
        }
        return r;
    }

    private Map<String, Settings.Setting> agentArguments(String agentArgs) {
        Map<String, Settings.Setting> r = new HashMap<>();
        if (agentArgs == null || agentArgs.isBlank()) {
            return r;
        }
        String previous = null;
        for (String pair : agentArgs.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 && "members".equals(previous)) { // members=a:1,b:2 keeps its commas
                r.put(previous, new Settings.Setting(r.get(previous).value() + "," + pair.trim(), "agent option members"));
                continue;
            }
            if (eq <= 0) {
                throw new ConfigException("agent option '" + pair + "' is not key=value. Valid keys: " + validKeys());
            }
            String key = known(pair.substring(0, eq).trim(), "unknown agent option");
            previous = key;
            r.put(key, new Settings.Setting(pair.substring(eq + 1).trim(), "agent option " + key));
        }
        return r;
    }

    /**
     * The file named by {@code config=}, which must exist; else {@code lazarus.properties} in the data
     * directory that the sources above the file (or the default) name, if it exists.
     */
    private Map<String, Settings.Setting> file(Map<String, Settings.Setting> aboveFile) {
        Settings.Setting named = aboveFile.get(CONFIG);
        if (named != null) {
            Path file = Path.of(named.value()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("the options file " + file + " (set by " + named.origin()
                        + ") does not exist or is not a file");
            }
            return readFile(file, false);
        }
        Settings.Setting dir = aboveFile.get(DIR);
        Path inDir = Path.of(dir == null ? DEFAULT_DIR : dir.value()).resolve(FILE_NAME).toAbsolutePath().normalize();
        return Files.isRegularFile(inDir) ? readFile(inDir, true) : Map.of();
    }

    /**
     * One {@code key=value} (or {@code key: value}) per line, {@code #} and {@code !} start comments,
     * spaces around keys and values are ignored, values are taken as written (no escapes, so Windows
     * paths need no doubling).
     */
    private Map<String, Settings.Setting> readFile(Path file, boolean inDataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read the options file " + file + ": " + e);
        }
        Map<String, Settings.Setting> r = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            int sep = separator(line);
            if (sep <= 0) {
                throw new ConfigException("'" + line + "' in " + where + " is not key=value. Valid keys: " + validKeys());
            }
            String key = line.substring(0, sep).strip();
            if (key.startsWith("lazarus.") && keys.containsKey(key.substring("lazarus.".length()))) {
                throw new ConfigException("unknown key '" + key + "' in " + where + ": write it without the prefix, as '"
                        + key.substring("lazarus.".length()) + "'");
            }
            known(key, "unknown key", " in " + where);
            if (key.equals(CONFIG)) {
                throw new ConfigException("'config' in " + where + ": an options file cannot name another one;"
                        + " give config= as an agent option, -Dlazarus.config or LAZARUS_CONFIG");
            }
            if (key.equals(DIR) && inDataDir) {
                throw new ConfigException("'dir' in " + where + ": this file is read from the data directory, so it"
                        + " cannot move it; give dir= as an agent option, -Dlazarus.dir or LAZARUS_DIR,"
                        + " or name a file outside it with config=");
            }
            Integer before = lineOf.put(key, i + 1);
            if (before != null) {
                throw new ConfigException("'" + key + "' is set twice in " + file + ", on lines " + before + " and "
                        + (i + 1) + ": keep one");
            }
            r.put(key, new Settings.Setting(line.substring(sep + 1).strip(), where));
        }
        return r;
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    /** LAZARUS_SYNC_INTERVAL_MS -> syncIntervalMs */
    private static String keyOf(String envName) {
        String[] parts = envName.substring("LAZARUS_".length()).toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(parts.length == 0 ? "" : parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return key.toString();
    }

    private String known(String key, String what) {
        return known(key, what, "");
    }

    private String known(String key, String what, String where) {
        if (!keys.containsKey(key)) {
            throw new ConfigException(what + " '" + key + "'" + where + ". Valid keys: " + validKeys());
        }
        return key;
    }

    private String validKeys() {
        StringBuilder b = new StringBuilder();
        keys.forEach((k, v) -> b.append("\n  ").append(k).append(": ").append(v));
        return b.toString();
    }
}
