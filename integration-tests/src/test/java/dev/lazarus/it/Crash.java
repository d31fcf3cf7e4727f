package dev.lazarus.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the capture apps of {@code dev.lazarus.it.apps} (see {@code Harness}): build the state in
 * a JVM under the agent, {@code kill -9} it once it printed READY, restart on the same directory,
 * and read back what it recovered.
 */
final class Crash {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Crash() {
    }

    /** What one run printed. */
    record Run(List<String> fresh, List<String> state, List<String> state2, List<String> out, List<String> err,
               String description) {
    }

    static AgentJvm.Builder app(String main, Path dir, String... args) {
        return AgentJvm.app(main).dir(dir).args(args);
    }

    /** Starts a build or continue run, waits for READY, kills it with kill -9. */
    static Run runAndKill(AgentJvm.Builder builder) throws Exception {
        try (AgentJvm jvm = builder.start()) {
            jvm.awaitLine("READY"::equals, TIMEOUT);
            jvm.kill9();
            return collect(jvm);
        }
    }

    /** Starts a check run and waits for it to exit 0 after CHECKED. */
    static Run check(AgentJvm.Builder builder) throws Exception {
        try (AgentJvm jvm = builder.start()) {
            int exit = jvm.awaitExit(TIMEOUT);
            assertThat(exit).as("the check run exits 0; %s", jvm.describe()).isZero();
            assertThat(jvm.out()).as("the check run printed CHECKED; %s", jvm.describe()).contains("CHECKED");
            assertThat(jvm.err()).as("the check run recovered something; %s", jvm.describe())
                    .anyMatch(l -> l.contains("Lazarus recovered"));
            return collect(jvm);
        }
    }

    private static Run collect(AgentJvm jvm) {
        List<String> out = jvm.out();
        return new Run(prefixed(out, "FRESH"), prefixed(out, "STATE"), prefixed(out, "STATE2"), out, jvm.err(),
                jvm.describe());
    }

    static List<String> prefixed(List<String> lines, String prefix) {
        List<String> r = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith(prefix + " ")) {
                r.add(l.substring(prefix.length() + 1));
            }
        }
        return r;
    }

    /** The lines that differ, as readable pairs; empty when equal. */
    static List<String> diff(List<String> expected, List<String> actual) {
        List<String> d = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<no line>";
            String a = i < actual.size() ? actual.get(i) : "<no line>";
            if (!e.equals(a)) {
                d.add("line " + i + "\n    expected:  " + e + "\n    recovered: " + a);
            }
        }
        return d;
    }

    /** Asserts that the recovered printout equals the printout of the run that built the state. */
    static void assertRecovered(String row, List<String> built, Run check) {
        assertThat(built).as("%s: the app printed its state", row).isNotEmpty();
        assertThat(diff(built, check.state()))
                .as("%s: recovered state differs from the state the app had before kill -9\n%s", row,
                        stderrOf(check))
                .isEmpty();
    }

    /**
     * A counter recovered after {@code kill -9}: the app prints its acknowledgement after the step
     * returned, so the step in flight at the kill may have committed unacknowledged. Exactly that one
     * is allowed, no more and nothing less than acknowledged.
     */
    static void assertAcknowledged(long recovered, long acked, String what) {
        assertThat(recovered).as("%s: acknowledged up to %d, recovered %d (one step may be in flight at the kill)", what,
                acked, recovered).isBetween(acked, acked + 1);
    }

    static String stderrOf(Run r) {
        return "--- stderr of the recovering JVM ---\n" + String.join("\n", r.err());
    }
}
