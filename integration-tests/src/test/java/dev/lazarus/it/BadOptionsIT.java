package dev.lazarus.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §6: an unknown key or a bad value, as agent option, system property or environment
 * variable, stops the JVM at start-up with a message that names it and lists the valid ones; the
 * application's main never runs.
 */
class BadOptionsIT {
    private static final String MAIN = "dev.lazarus.it.apps.Hello";
    private static final List<String> KEYS = List.of("dir", "sync", "syncIntervalMs", "strict");
    private static final List<String> SYNC_VALUES = List.of("none", "interval", "always");

    /** How the option is given: raw agent arguments (dir= is added), a -D flag, or an environment variable. */
    record Bad(String name, String agentArgs, String jvmArg, String envName, String envValue, List<String> mustName,
               List<String> validOnes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                new Bad("unknown key syncc=always", "syncc=always", null, null, null, List.of("syncc"), KEYS),
                new Bad("bad value sync=sometimes", "sync=sometimes", null, null, null, List.of("sync", "sometimes"),
                        SYNC_VALUES),
                new Bad("negative syncIntervalMs=-5", "syncIntervalMs=-5", null, null, null,
                        List.of("syncIntervalMs", "-5"), List.of("positive")),
                new Bad("bad boolean strict=maybe", "strict=maybe", null, null, null, List.of("strict", "maybe"),
                        List.of("true", "false")),
                new Bad("option without =", "justakey", null, null, null, List.of("justakey"), KEYS),
                new Bad("JDK classes in classes=java.util.*", "classes=java.util.*", null, null, null,
                        List.of("classes", "java.util.*"), List.of("JDK")),
                new Bad("roots=Store without a field", "roots=Store", null, null, null, List.of("roots", "Store"),
                        List.of("pkg.Class.field")),
                new Bad("roots=a.b.Store.data[name without the closing bracket", "roots=a.b.Store.data[name", null, null,
                        null, List.of("roots", "a.b.Store.data[name"), List.of("pkg.Class.field[keyField]")),
                new Bad("-Dlazarus.sync=bad", "", "-Dlazarus.sync=bad", null, null, List.of("sync", "bad"), SYNC_VALUES),
                new Bad("-Dlazarus.synk=always (unknown key)", "", "-Dlazarus.synk=always", null, null,
                        List.of("synk"), KEYS),
                new Bad("LAZARUS_SYNC=bad", "", null, "LAZARUS_SYNC", "bad", List.of("sync", "bad"), SYNC_VALUES),
                new Bad("LAZARUS_SYNK=always (unknown key)", "", null, "LAZARUS_SYNK", "always",
                        List.of("LAZARUS_SYNK"), KEYS))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void stopsTheJvmAtStartNamingTheOptionAndListingTheValidOnes(Bad bad) throws Exception {
        Path dir = AgentJvm.workDir("bad-options");
        String agentArgs = "dir=" + dir + (bad.agentArgs().isEmpty() ? "" : "," + bad.agentArgs());
        AgentJvm.Builder b = AgentJvm.app(MAIN).agentArgs(agentArgs);
        if (bad.jvmArg() != null) {
            b.jvmArg(bad.jvmArg());
        }
        if (bad.envName() != null) {
            b.env(bad.envName(), bad.envValue());
        }
        try (AgentJvm jvm = b.start()) {
            int exit = jvm.awaitExit(Duration.ofSeconds(60));
            String err = String.join("\n", jvm.err());
            assertThat(exit).as("non-zero exit; %s", jvm.describe()).isNotZero();
            assertThat(jvm.out()).as("the app's main must not run; %s", jvm.describe()).doesNotContain("MAIN RAN");
            assertThat(err).as("the message names the option; %s", jvm.describe()).contains(bad.mustName());
            assertThat(err).as("the message lists the valid ones; %s", jvm.describe()).contains(bad.validOnes());
        }
    }

    /** The control: the same channels with good values start the app. */
    @Test
    void goodOptionsThroughEveryChannelStartTheApp() throws Exception {
        Path dir = AgentJvm.workDir("good-options");
        try (AgentJvm jvm = AgentJvm.app(MAIN)
                .agentArgs("dir=" + dir + ",sync=always,syncIntervalMs=5,strict=false")
                .jvmArg("-Dlazarus.sync=none")
                .env("LAZARUS_SYNC_INTERVAL_MS", "20")
                .env("LAZARUS_STRICT", "true")
                .start()) {
            int exit = jvm.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as(jvm.describe()).isZero();
            assertThat(jvm.out()).as(jvm.describe()).contains("MAIN RAN");
            assertThat(jvm.err()).as("agent options win over -D and environment; %s", jvm.describe())
                    .anyMatch(l -> l.contains("sync=always") && l.contains("strict=false"));
        }
    }
}
