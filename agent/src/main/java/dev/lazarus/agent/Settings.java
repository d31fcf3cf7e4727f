package dev.lazarus.agent;

import java.util.HashMap;
import java.util.Map;

/**
 * The raw option values in force, each with where it came from, so that an error about a value
 * can say where to fix it ("system property -Dlazarus.sync", "/etc/app/lazarus.properties line 3").
 */
final class Settings {
    /** One value and its origin. */
    record Setting(String value, String origin) {
    }

    private final Map<String, Setting> values;

    Settings(Map<String, Setting> values) {
        this.values = new HashMap<>(values);
    }

    String get(String key) {
        Setting s = values.get(key);
        return s == null ? null : s.value();
    }

    String getOrDefault(String key, String defaultValue) {
        Setting s = values.get(key);
        return s == null ? defaultValue : s.value();
    }

    /** The same error, saying where the bad value was set (nothing to add for a default or an unnamed key). */
    ConfigException withOrigin(ConfigException e) {
        Setting s = e.key() == null ? null : values.get(e.key());
        return s == null ? e : new ConfigException(e.key(), e.getMessage() + " (set by " + s.origin() + ")");
    }
}
