package dev.lazarus.agent.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: the data directory and {@code --name value} options (or
 * {@code --name=value}; flags take no value). Unknown options and missing values are usage
 * errors that name the valid ones.
 */
final class Args {
    final Path dir;
    private final Map<String, String> options = new HashMap<>();

    private Args(Path dir) {
        this.dir = dir;
    }

    static Args parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        Path dir = null;
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    opts.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option --" + name + " of '" + command + "' needs a value: --" + name + " VALUE");
                        }
                        value = args.get(++i);
                    }
                    opts.put(name, value);
                } else {
                    throw new UsageException("unknown option " + a + " for '" + command + "'. Valid: "
                            + (valued.isEmpty() && flags.isEmpty() ? "none" : String.join(", ", names(valued, flags))));
                }
            } else if (dir == null) {
                dir = Path.of(a);
            } else {
                throw new UsageException("'" + command + "' takes one data directory, got a second argument '" + a
                        + "'. Put options after two dashes (--limit 10)");
            }
        }
        if (dir == null) {
            throw new UsageException("'" + command + "' needs the data directory: java -jar lazarus-agent.jar " + command
                    + " DIR (the dir= the application runs with)");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + " is not a directory. Give the dir= the application runs with (default ./lazarus-data)");
        }
        if (!Files.isDirectory(dir.resolve("log")) && !Files.isDirectory(dir.resolve("snapshots"))
                && !Files.exists(dir.resolve("lazarus.lock"))) {
            throw new UsageException(dir + " is not a Lazarus data directory (it has no log/, snapshots/ or lazarus.lock)."
                    + " Give the dir= the application runs with");
        }
        Args parsed = new Args(dir.toAbsolutePath().normalize());
        parsed.options.putAll(opts);
        return parsed;
    }

    private static List<String> names(Set<String> valued, Set<String> flags) {
        return java.util.stream.Stream.concat(valued.stream().map(n -> "--" + n + " VALUE"), flags.stream().map(n -> "--" + n))
                .sorted().toList();
    }

    String get(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** A number: decimal, or hexadecimal with 0x (log indexes are shown that way). */
    long number(String name, long absent) {
        String v = options.get(name);
        if (v == null) {
            return absent;
        }
        try {
            return v.startsWith("0x") || v.startsWith("0X") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + v + " is not a number. Give a decimal number, or a log index as"
                    + " 0x... (as dump and status print them)");
        }
    }

    Path log() {
        return dir.resolve("log");
    }

    Path snapshots() {
        return dir.resolve("snapshots");
    }
}
