package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's start prints no JVM warning the user did not cause, on whichever JDK runs the tests.
 * The one the JDK leaves an agent no way to avoid is documented in the README with its flag: on
 * Java 24+ Chronicle's first use of {@code sun.misc.Unsafe} memory access, silenced by
 * {@code --sun-misc-unsafe-memory-access=allow}.
 */
class StartupWarningsIT {
    private static final String HELLO = "dev.lazarus.it.apps.Hello";

    private static List<String> warnings(AgentJvm jvm) {
        return jvm.err().stream().filter(l -> l.startsWith("WARNING:")).toList();
    }

    /** The four lines of the JDK's terminally-deprecated-Unsafe notice about Chronicle (README: Usage). */
    private static boolean documented(String line) {
        return line.contains("sun.misc.Unsafe") || line.contains("maintainers of class net.openhft.");
    }

    @Test
    void startPrintsNoWarningBeyondTheDocumentedUnsafeNotice() throws Exception {
        Path dir = AgentJvm.workDir("warnings");
        try (AgentJvm jvm = AgentJvm.app(HELLO).dir(dir).start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
            assertThat(warnings(jvm)).as("warnings nobody documented; %s", jvm.describe())
                    .allMatch(StartupWarningsIT::documented);
        }
    }

    /** With the flag the README gives for Java 24+, nothing at all (the flag exists from Java 23). */
    @Test
    void withTheReadmeFlagsTheStartIsSilent() throws Exception {
        if (Runtime.version().feature() < 23) {
            return; // no such warning and no such flag before Java 23: the test above covers it
        }
        Path dir = AgentJvm.workDir("warnings-flags");
        try (AgentJvm jvm = AgentJvm.app(HELLO).dir(dir).jvmArg("--sun-misc-unsafe-memory-access=allow").start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
            assertThat(warnings(jvm)).as(jvm.describe()).isEmpty();
        }
    }
}
