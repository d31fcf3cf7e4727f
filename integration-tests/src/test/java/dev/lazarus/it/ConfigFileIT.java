package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options from a properties file in a real JVM: {@code lazarus.properties} in the data directory is
 * picked up, {@code config=FILE} names another, the command line wins over the file, and a bad key
 * or value in the file stops the JVM at start-up naming the file, the line and the valid ones.
 */
class ConfigFileIT {
    private static final String MAIN = "dev.lazarus.it.apps.Hello";

    @Test
    void theFileInTheDataDirectoryIsReadAndTheCommandLineWinsOverIt() throws Exception {
        Path dir = AgentJvm.workDir("config-file").resolve("state");
        Files.createDirectories(dir);
        Files.write(dir.resolve("lazarus.properties"), List.of("# options of this data directory", "sync=always",
                "strict=false", "snapshotInterval=30s"));
        try (AgentJvm jvm = AgentJvm.app(MAIN).dir(dir).jvmArg("-Dlazarus.strict=true").start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
            assertThat(jvm.out()).as(jvm.describe()).contains("MAIN RAN");
            assertThat(jvm.err()).as("sync and snapshotInterval from the file, strict from -D; %s", jvm.describe())
                    .anyMatch(l -> l.contains("active:") && l.contains("sync=always") && l.contains("strict=true")
                            && l.contains("snapshots every 30 s"));
        }
    }

    @Test
    void configNamesAFileThroughTheEnvironment() throws Exception {
        Path work = AgentJvm.workDir("config-named");
        Path file = work.resolve("prod.properties");
        Files.write(file, List.of("dir=" + work.resolve("state"), "sync=none"));
        try (AgentJvm jvm = AgentJvm.app(MAIN).env("LAZARUS_CONFIG", file.toString()).start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
            assertThat(jvm.err()).as(jvm.describe())
                    .anyMatch(l -> l.contains("dir=" + work.resolve("state")) && l.contains("sync=none"));
            assertThat(work.resolve("state").resolve("lazarus.lock")).as("the data directory the file names").exists();
        }
    }

    @Test
    void anUnknownKeyInTheFileStopsTheJvmNamingFileLineAndValidKeys() throws Exception {
        Path dir = AgentJvm.workDir("config-bad-key").resolve("state");
        Files.createDirectories(dir);
        Path file = dir.resolve("lazarus.properties");
        Files.write(file, List.of("sync=always", "synk_interval=5"));
        assertStopped(AgentJvm.app(MAIN).dir(dir), List.of("'synk_interval'", file + " line 2", "Valid keys",
                "syncIntervalMs", "snapshotLogBytes"));
    }

    @Test
    void aBadValueInTheFileStopsTheJvmNamingFileLineAndValidValues() throws Exception {
        Path work = AgentJvm.workDir("config-bad-value");
        Path file = work.resolve("app.properties");
        Files.write(file, List.of("dir=" + work.resolve("state"), "", "sync=sometimes"));
        assertStopped(AgentJvm.app(MAIN).jvmArg("-Dlazarus.config=" + file),
                List.of("'sometimes'", "sync", file + " line 3", "none, interval or always"));
    }

    @Test
    void aMissingNamedFileStopsTheJvm() throws Exception {
        Path work = AgentJvm.workDir("config-missing");
        Path file = work.resolve("nowhere.properties");
        assertStopped(AgentJvm.app(MAIN).agentArgs("dir=" + work + ",config=" + file),
                List.of(file.toString(), "agent option config", "does not exist"));
    }

    private static void assertStopped(AgentJvm.Builder builder, List<String> mustName) throws Exception {
        try (AgentJvm jvm = builder.start()) {
            int exit = jvm.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("exit code 2; %s", jvm.describe()).isEqualTo(2);
            assertThat(jvm.out()).as("the app's main must not run; %s", jvm.describe()).doesNotContain("MAIN RAN");
            assertThat(String.join("\n", jvm.err())).as(jvm.describe()).contains(mustName);
        }
    }
}
