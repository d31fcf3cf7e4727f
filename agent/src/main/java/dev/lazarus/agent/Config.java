package dev.lazarus.agent;

import dev.lazarus.internal.cluster.ClusterSettings;
import dev.lazarus.internal.engine.ThirdParty;
import dev.lazarus.internal.log.OnCorruption;
import dev.lazarus.internal.log.SyncMode;
import dev.lazarus.internal.recovery.Renames;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's options. Each key can be given as an agent argument ({@code -javaagent:...=dir=x,sync=always}),
 * a system property ({@code -Dlazarus.dir=x}), an environment variable ({@code LAZARUS_DIR=x}) or a line
 * of a properties file ({@code config=FILE}, else {@code lazarus.properties} in the data directory);
 * in that order of precedence (see {@link ConfigSources}). An unknown key or a bad value is an error
 * that names it, says where it was set and lists what is valid.
 */
public record Config(Path dir, SyncMode sync, long syncIntervalMs, boolean strict, long snapshotIntervalMs,
                     long snapshotLogBytes, long rtoMs, Renames renames, ThirdParty thirdParty,
                     ClusterSettings cluster, OnCorruption onCorruption) {

    /** The keys, with their defaults and what they accept. */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("dir", "the data directory (default ./lazarus-data)");
        KEYS.put("config", "a properties file of options (default: lazarus.properties in dir, if there is one)");
        KEYS.put("sync", "none | interval | always (default interval)");
        KEYS.put("syncIntervalMs", "milliseconds between forces with sync=interval, a positive integer (default 1000)");
        KEYS.put("strict", "true | false: whether untrackable state is an error (default true)");
        KEYS.put("snapshotInterval", "time between snapshots, e.g. 30s, 10m, 1h, or off (default 10m)");
        KEYS.put("snapshotLogBytes", "log growth that triggers a snapshot, e.g. 64m, 1g, or off (default 256m)");
        KEYS.put("renames", "classes and fields renamed since the data was written: old.pkg.A:new.pkg.A;new.pkg.A#oldField:newField");
        KEYS.put("onCorruption", "stop | truncate: a damaged log record in the middle stops recovery, or the log is cut before it"
                + " and the damaged rest moved aside (default stop)");
        KEYS.put("classes", "classes tracked as if @Durable, globs separated by ; (* = one name level, ** = any): com.acme.store.*;com.acme.**");
        KEYS.put("roots", "fields treated as @Durable roots: pkg.Class.field;pkg.Other.field; an instance field with several"
                + " live instances keyed by one of their fields: pkg.Class.field[keyField]");
        KEYS.put("exclude", "fields of tracked classes never logged, left as the app's constructors set them: pkg.Class.field;...");
        KEYS.put("rto", "recovery time objective: snapshots keep the estimated recovery under it, e.g. 2s, or off (default off)");
        KEYS.put("cluster", "the name of the cluster whose members share the @Distributed maps (default: no cluster)");
        KEYS.put("bind", "with cluster: this member's HOST:PORT (TCP), also its name on the ring, e.g. 127.0.0.1:7801");
        KEYS.put("members", "with cluster: the members' HOST:PORT list, e.g. 127.0.0.1:7801,127.0.0.1:7802 (no multicast discovery)");
        KEYS.put("replicas", "with cluster: how many members store each key, a positive integer (default 2)");
    }

    public static Config load(String agentArgs, Properties system, Map<String, String> env) {
        Settings values = ConfigSources.read(agentArgs, system, env, KEYS);
        try {
            return from(values);
        } catch (ConfigException e) {
            throw values.withOrigin(e);
        }
    }

    private static Config from(Settings values) {
        Path dir = Path.of(values.getOrDefault(ConfigSources.DIR, ConfigSources.DEFAULT_DIR)).toAbsolutePath().normalize();
        SyncMode sync = parseSync(values.getOrDefault("sync", "interval"));
        long interval = parsePositive("syncIntervalMs", values.getOrDefault("syncIntervalMs", "1000"));
        boolean strict = parseBoolean("strict", values.getOrDefault("strict", "true"));
        long snapshotInterval = parseDuration("snapshotInterval", values.getOrDefault("snapshotInterval", "10m"));
        long snapshotLogBytes = parseSize("snapshotLogBytes", values.getOrDefault("snapshotLogBytes", "256m"));
        long rto = parseDuration("rto", values.getOrDefault("rto", "off"));
        Renames renames;
        try {
            renames = Renames.parse(values.get("renames"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("renames", "bad value for renames: " + e.getMessage());
        }
        ThirdParty thirdParty;
        try {
            thirdParty = ThirdParty.parse(values.get("classes"), values.get("roots"), values.get("exclude"));
        } catch (IllegalArgumentException e) {
            // the message starts with the option it is about (classes, roots or exclude)
            throw new ConfigException(e.getMessage().substring(0, e.getMessage().indexOf(' ')), "bad value: " + e.getMessage());
        }
        OnCorruption onCorruption = parseOnCorruption(values.getOrDefault("onCorruption", "stop"));
        return new Config(dir, sync, interval, strict, snapshotInterval, snapshotLogBytes, rto, renames, thirdParty,
                parseCluster(values), onCorruption);
    }

    private static ClusterSettings parseCluster(Settings values) {
        String name = values.get("cluster");
        if (name == null) {
            for (String key : new String[] {"bind", "members", "replicas"}) {
                if (values.get(key) != null) {
                    throw new ConfigException(key, key + " is a cluster option: add cluster=NAME (and bind=HOST:PORT), or remove " + key);
                }
            }
            return null;
        }
        int replicas = (int) Math.min(Integer.MAX_VALUE, parsePositive("replicas", values.getOrDefault("replicas", "2")));
        try {
            return ClusterSettings.of(name, values.get("bind"), values.get("members"), replicas);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static SyncMode parseSync(String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "none": return SyncMode.NONE;
            case "interval": return SyncMode.INTERVAL;
            case "always": return SyncMode.ALWAYS;
            default: throw new ConfigException("sync", "bad value '" + v + "' for sync: use none, interval or always");
        }
    }

    private static OnCorruption parseOnCorruption(String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "stop": return OnCorruption.STOP;
            case "truncate": return OnCorruption.TRUNCATE;
            default: throw new ConfigException("onCorruption", "bad value '" + v + "' for onCorruption: use stop or truncate");
        }
    }

    private static long parsePositive(String key, String v) {
        try {
            long n = Long.parseLong(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key, "bad value '" + v + "' for " + key + ": use a positive integer");
    }

    /** Milliseconds from {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or a plain number of ms; {@code off} = 0. */
    static long parseDuration(String key, String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            return 0;
        }
        long unit = 1;
        String digits = t;
        if (t.endsWith("ms")) {
            digits = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            unit = 1000;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60_000;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3_600_000;
            digits = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(digits);
            if (n > 0) {
                return Math.multiplyExact(n, unit);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new ConfigException(key, "bad value '" + v + "' for " + key + ": use a positive duration such as 500ms, 30s, 10m, 1h, or off");
    }

    /** Bytes from {@code 64k}, {@code 256m}, {@code 1g} or a plain number; {@code off} = 0. */
    static long parseSize(String key, String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            return 0;
        }
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n > 0) {
                return Math.multiplyExact(n, unit);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new ConfigException(key, "bad value '" + v + "' for " + key + ": use a positive size such as 64k, 256m, 1g, or off");
    }

    private static boolean parseBoolean(String key, String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw new ConfigException(key, "bad value '" + v + "' for " + key + ": use true or false");
        }
    }

    public String describe() {
        return "dir=" + dir + ", sync=" + sync.name().toLowerCase(Locale.ROOT)
                + (sync == SyncMode.INTERVAL ? " (every " + syncIntervalMs + " ms)" : "") + ", strict=" + strict
                + ", snapshots every " + (snapshotIntervalMs > 0 ? snapshotIntervalMs / 1000 + " s" : "(off)")
                + " or " + (snapshotLogBytes > 0 ? size(snapshotLogBytes) + " of log" : "(off)")
                + (rtoMs > 0 ? ", rto " + rtoMs + " ms" : "")
                + (cluster != null ? ", " + cluster.describe() : "")
                + (onCorruption == OnCorruption.TRUNCATE ? ", onCorruption=truncate" : "");
    }

    /** 64k as "64 KiB", 256m as "256 MiB": the largest unit that divides it, so nothing rounds to 0. */
    static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB"};
        int unit = 0;
        while (unit < units.length - 1 && bytes % 1024 == 0) {
            bytes /= 1024;
            unit++;
        }
        return bytes + " " + units[unit];
    }
}
