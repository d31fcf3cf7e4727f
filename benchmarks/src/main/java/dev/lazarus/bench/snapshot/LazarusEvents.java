package dev.lazarus.bench.snapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures the agent's own account of each snapshot: the engine logs {@code snapshot Taken[...,
 * millis=, loadMillis=, replayMillis=, ...]} at DEBUG through {@code System.Logger}
 * ("dev.lazarus"), which the JDK backs with java.util.logging when no other backend is installed.
 * Raising that logger to FINE (the console handler stays at INFO, so nothing more is printed)
 * lets this JVM read the breakdown of every snapshot: load of the previous one, replay of the log
 * after it, and writing (the rest).
 */
final class LazarusEvents {
    private static final Pattern FIELD = Pattern.compile("(\\w+)=([^,\\]]+)");
    private static final Logger LOGGER = Logger.getLogger("dev.lazarus"); // strong reference: JUL loggers are weak
    private static volatile Map<String, String> lastTaken;
    private static volatile String lastRecovery;

    private LazarusEvents() {
    }

    static void install() {
        LOGGER.setLevel(Level.FINE);
        LOGGER.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                String m = r.getMessage();
                if (m == null) {
                    return;
                }
                if (m.startsWith("snapshot Taken[")) {
                    Map<String, String> f = new LinkedHashMap<>();
                    Matcher x = FIELD.matcher(m.substring("snapshot Taken[".length()));
                    while (x.find()) {
                        f.put(x.group(1), x.group(2).trim());
                    }
                    lastTaken = f;
                } else if (m.startsWith("Lazarus recovered") || m.startsWith("Lazarus: no earlier")) {
                    lastRecovery = m;
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    /** The fields of the last snapshot logged, or null; clears it. */
    static Map<String, String> takeLast() {
        Map<String, String> t = lastTaken;
        lastTaken = null;
        return t;
    }

    static String lastRecovery() {
        return lastRecovery;
    }
}
