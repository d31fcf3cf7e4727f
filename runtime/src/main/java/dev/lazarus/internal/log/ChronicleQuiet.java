package dev.lazarus.internal.log;

import net.openhft.chronicle.core.Jvm;
import net.openhft.chronicle.core.onoes.ExceptionHandler;

import java.lang.System.Logger.Level;

/**
 * Keeps Chronicle quiet and off the network. Must run before any Chronicle class initialises
 * (Chronicle reads these properties in static initialisers): {@link RedoLog} calls it first, and
 * the agent calls it early in {@code premain}. Idempotent and cheap after the first call.
 *
 * <ul>
 *   <li>{@code chronicle.analytics.disable=true} always (Chronicle would otherwise report usage
 *       over HTTPS and write {@code ~/.chronicle.analytics.*}; it mutes itself only when it sees
 *       JUnit on a thread's stack, so tests do not show it — production would);</li>
 *   <li>{@code chronicle.announcer.disable}, {@code disable.perf.info},
 *       {@code chronicle.disk.monitor.disable} (else a {@code disk~space~checker} thread),
 *       {@code background.releaser=false} (else a {@code background~resource~releaser} thread):
 *       set to {@code true}/{@code false} unless the user set them;</li>
 *   <li>Chronicle's {@code Jvm} class initialiser asks slf4j for a logger. Without an slf4j
 *       provider, slf4j 2 prints a three-line "No SLF4J providers were found" warning on stderr.
 *       slf4j reads {@code slf4j.internal.verbosity} once, when its {@code Reporter} initialises,
 *       so it is set to {@code ERROR} only while Chronicle's {@code Jvm} initialises and removed
 *       right after (unless the user set it): the application's own slf4j, if it is a different
 *       copy or initialises later, is not affected;</li>
 *   <li>Chronicle's error/warn/perf/debug reports ({@code Jvm.warn()} etc.) go to
 *       {@link System.Logger} (logger named after the reporting class): error → ERROR,
 *       warn → WARNING, perf → DEBUG, debug → TRACE. Messages that are expected after a
 *       {@code kill -9} (a dead writer's lock or header being recovered) are lowered to DEBUG.</li>
 * </ul>
 *
 * <p>What remains of Chronicle's direct slf4j logging goes to slf4j's no-op logger when no
 * provider is present. (If the application puts an slf4j provider on the same class path as
 * Chronicle, Chronicle's few start-up info lines would reach it: the agent isolates Chronicle.)
 *
 * <p>Not switched off, because Chronicle offers no switch (seen with strace, outside JUnit: under
 * JUnit Chronicle skips it): its {@code Jvm} initialiser eagerly loads its POSIX layer (jnr-ffi,
 * which runs {@code /sbin/ldconfig -p} once and unpacks {@code libjffi} into
 * {@code java.io.tmpdir}) and Affinity (JNA, which unpacks {@code libjnidispatch} under
 * {@code ~/.cache/JNA/temp}, leaving that empty directory). No network use was seen.
 */
public final class ChronicleQuiet {
    private static volatile boolean applied;

    private ChronicleQuiet() {
    }

    /** Sets the properties and installs the log handlers; only the first call does anything. */
    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (ChronicleQuiet.class) {
            if (applied) {
                return;
            }
            System.setProperty("chronicle.analytics.disable", "true");
            setIfAbsent("chronicle.announcer.disable", "true");
            setIfAbsent("disable.perf.info", "true");
            setIfAbsent("chronicle.disk.monitor.disable", "true");
            setIfAbsent("background.releaser", "false");
            // Chronicle's native POSIX layer (jnr-ffi: unpacks libjffi into /tmp, runs ldconfig, and
            // on Java 22+ prints restricted-method warnings) serves only msync and pre-touching, which
            // Lazarus does not use: the log is forced with fsync (see Syncer).
            net.openhft.posix.PosixAPI.useNoOpPosixApi();
            initialiseChronicleQuietly();
            ExceptionHandler error = new ToSystemLogger(Level.ERROR);
            ExceptionHandler warn = new ToSystemLogger(Level.WARNING);
            ExceptionHandler perf = new ToSystemLogger(Level.DEBUG);
            ExceptionHandler debug = new ToSystemLogger(Level.TRACE);
            Jvm.setExceptionHandlers(error, warn, debug, perf);
            applied = true;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void initialiseChronicleQuietly() {
        String key = "slf4j.internal.verbosity";
        boolean set = System.getProperty(key) == null;
        if (set) {
            System.setProperty(key, "ERROR");
        }
        try {
            Class.forName("net.openhft.chronicle.core.Jvm", true, ChronicleQuiet.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Chronicle Core is not on the class path", e);
        } finally {
            if (set) {
                System.clearProperty(key);
            }
        }
    }

    /** Chronicle's {@link ExceptionHandler} onto {@link System.Logger}. */
    static final class ToSystemLogger implements ExceptionHandler {
        private final Level level;

        ToSystemLogger(Level level) {
            this.level = level;
        }

        @Override
        public void on(Class<?> clazz, String message, Throwable thrown) {
            log(clazz.getName(), message, thrown);
        }

        @Override
        public void on(org.slf4j.Logger logger, String message, Throwable thrown) {
            log(logger.getName(), message, thrown);
        }

        @Override
        public boolean isEnabled(Class<?> clazz) {
            return System.getLogger(clazz.getName()).isLoggable(level);
        }

        private void log(String name, String message, Throwable thrown) {
            String text = message == null || message.isEmpty()
                    ? (thrown == null ? "" : String.valueOf(thrown.getMessage())) : message;
            Level l = level;
            if (l == Level.WARNING && expectedAfterCrash(text)) {
                l = Level.DEBUG;
                thrown = null; // Chronicle attaches a stack trace to show where it happened: noise here
            }
            System.Logger logger = System.getLogger(name);
            if (!logger.isLoggable(l)) {
                return;
            }
            if (thrown == null) {
                logger.log(l, text);
            } else {
                logger.log(l, text, thrown);
            }
        }

        /** Warnings that are the normal, handled consequence of a writer killed mid-append. */
        static boolean expectedAfterCrash(String message) {
            return message.startsWith("Forced unlock")             // dead writer's write lock released
                    || message.startsWith("Incomplete header found")  // its half-written header overwritten
                    || message.startsWith("resetting header after timeout"); // ... or turned into EOF
        }
    }
}
