package dev.lazarus.internal.log;

import net.openhft.chronicle.core.Jvm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class ChronicleQuietTest {
    @Test
    void propertiesAreSetAndChronicleReportsGoToSystemLogger() {
        ChronicleQuiet.apply();
        ChronicleQuiet.apply(); // idempotent
        assertThat(System.getProperty("chronicle.analytics.disable")).isEqualTo("true");
        assertThat(System.getProperty("background.releaser")).isNotNull();
        assertThat(System.getProperty("slf4j.internal.verbosity")).as("only set while Chronicle initialises").isNull();

        // System.Logger's default back end is java.util.logging
        Logger jul = Logger.getLogger(ChronicleQuietTest.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level old = jul.getLevel();
        boolean parents = jul.getUseParentHandlers();
        jul.addHandler(h);
        jul.setLevel(Level.ALL);
        jul.setUseParentHandlers(false);
        try {
            Jvm.warn().on(ChronicleQuietTest.class, "something odd");
            Jvm.warn().on(ChronicleQuietTest.class, new Exception("Incomplete header found at pos: 1: 80000010, overwriting"));
            Jvm.error().on(ChronicleQuietTest.class, "broken", new IllegalStateException("x"));
        } finally {
            jul.removeHandler(h);
            jul.setLevel(old);
            jul.setUseParentHandlers(parents);
        }
        assertThat(records).extracting(LogRecord::getLevel, LogRecord::getMessage).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Level.WARNING, "something odd"),
                // expected after a kill -9: lowered to DEBUG (FINE), without the stack trace
                org.assertj.core.groups.Tuple.tuple(Level.FINE, "Incomplete header found at pos: 1: 80000010, overwriting"),
                org.assertj.core.groups.Tuple.tuple(Level.SEVERE, "broken"));
        assertThat(records.get(1).getThrown()).isNull();
        assertThat(records.get(2).getThrown()).isInstanceOf(IllegalStateException.class);
    }
}
