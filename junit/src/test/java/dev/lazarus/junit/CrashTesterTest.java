package dev.lazarus.junit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings that are wrong are refused before anything runs, and the agent jar is found. */
class CrashTesterTest {
    @TempDir
    Path tmp;
    private String property;

    @BeforeEach
    void clearProperty() {
        property = System.clearProperty(AgentJar.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (property != null) {
            System.setProperty(AgentJar.PROPERTY, property);
        }
    }

    @Test
    void optionsMayNotMoveTheDataDirectory() {
        assertThatThrownBy(() -> CrashTester.forMain(Object.class).options("sync=always, dir=/tmp/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataDir(");
    }

    @Test
    void badCyclesAndKillWindowsAreRefused() {
        assertThatThrownBy(() -> CrashTester.forMain(Object.class).cycles(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CrashTester.forMain(Object.class)
                .killBetween(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1)))
                .hasMessageContaining("min <= max");
    }

    @Test
    void theAgentJarComesFromThePropertyFirst() throws IOException {
        Path jar = agentLikeJar("from-property.jar");
        System.setProperty(AgentJar.PROPERTY, jar.toString());
        assertThat(AgentJar.locate(loaderOf(agentLikeJar("on-class-path.jar")))).isEqualTo(jar);
    }

    @Test
    void elseFromTheClassPath() throws IOException {
        Path jar = agentLikeJar("lazarus-agent-0.1.0.jar");
        assertThat(AgentJar.locate(loaderOf(jar))).isEqualTo(jar);
    }

    @Test
    void aMissingAgentJarSaysHowToProvideIt() throws IOException {
        assertThatThrownBy(() -> AgentJar.locate(new URLClassLoader(new URL[0], null)))
                .hasMessageContaining("dev.lazarus:lazarus-agent").hasMessageContaining("-Dlazarus.agent.jar");
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes.resolve("dev/lazarus/agent/boot"));
        Files.write(classes.resolve("dev/lazarus/agent/boot/Premain.class"), new byte[] {1});
        assertThatThrownBy(() -> AgentJar.locate(loaderOf(classes))).hasMessageContaining("not a packaged jar");
        System.setProperty(AgentJar.PROPERTY, tmp.resolve("nowhere.jar").toString());
        assertThatThrownBy(() -> AgentJar.locate(getClass().getClassLoader())).hasMessageContaining("nowhere.jar")
                .hasMessageContaining("does not exist");
    }

    private Path agentLikeJar(String name) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("dev/lazarus/agent/boot/Premain.class"));
            j.write(new byte[] {1});
            j.closeEntry();
        }
        return jar;
    }

    private static ClassLoader loaderOf(Path entry) throws IOException {
        return new URLClassLoader(new URL[] {entry.toUri().toURL()}, null);
    }
}
