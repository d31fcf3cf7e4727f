package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.lazarus.it.Crash.assertRecovered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §6: the agent's own libraries never clash with the app's copies. The app ships Kryo 4.0.3
 * and SLF4J 1.7.36 (+ slf4j-simple); it must load them from ITS jars, use them (Kryo 4 inside a
 * tracked class, SLF4J logging), with tracked state that survives kill -9.
 */
class DependencyClashIT {
    private static final String MAIN = "dev.lazarus.it.apps.deps.DepsApp";

    /** The app's own jars, from this test's class path (the integration-tests module's test dependencies). */
    static List<String> appJars() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> jars = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.equals("kryo-4.0.3.jar") || name.startsWith("reflectasm-") || name.startsWith("minlog-")
                    || name.startsWith("objenesis-") || name.startsWith("asm-") || name.equals("slf4j-api-1.7.36.jar")
                    || name.equals("slf4j-simple-1.7.36.jar")) {
                jars.add(entry);
            }
        }
        return jars;
    }

    private static AgentJvm.Builder app(Path dir, String mode) {
        AgentJvm.Builder b = AgentJvm.app(MAIN).dir(dir).args(mode);
        appJars().forEach(b::classPath);
        return b;
    }

    private static void assertOwnLibraries(List<String> out, String run) {
        assertThat(out).as("%s: %s", run, out)
                .contains("CHECK kryo=kryo-4.0.3.jar", "CHECK kryo.io.Output=kryo-4.0.3.jar",
                        "CHECK kryo-by-name=kryo-4.0.3.jar", "CHECK slf4j=slf4j-api-1.7.36.jar",
                        "CHECK slf4j-binding=org.slf4j.impl.SimpleLoggerFactory from slf4j-simple-1.7.36.jar",
                        "CHECK agent=true");
    }

    @Test
    void appWithItsOwnKryo4AndSlf4j17_usesThemAndRecoversAfterKill9() throws Exception {
        List<String> jars = appJars();
        assertThat(jars).as("the app's jars on the test class path").hasSize(7);
        jars.forEach(j -> assertThat(Files.isRegularFile(Path.of(j))).as(j).isTrue());
        Path dir = AgentJvm.workDir("deps");

        Crash.Run built = Crash.runAndKill(app(dir, "build"));
        assertOwnLibraries(built.out(), "first run");
        assertThat(built.out()).as(built.description())
                .contains("CHECK kryo-roundtrip=Payload(second \u00e9,42,[x, y, z])");
        assertThat(built.err()).as("the app's SLF4J 1.7 logs through slf4j-simple; %s", built.description())
                .anyMatch(l -> l.contains("INFO dev.lazarus.it.apps.deps.DepsApp - hello from the app's SLF4J 1.7, counter=2"));
        assertThat(built.err()).as("no SLF4J complaint (multiple bindings, no provider...); %s", built.description())
                .noneMatch(l -> l.startsWith("SLF4J:"));

        Crash.Run checked = Crash.check(app(dir, "check"));
        assertOwnLibraries(checked.out(), "recovering run");
        assertThat(checked.err()).noneMatch(l -> l.startsWith("SLF4J:"));
        assertRecovered("state of the app with its own Kryo and SLF4J", built.state(), checked);
        assertThat(checked.state()).as("the blob written by Kryo 4 reads back with Kryo 4")
                .contains("payload=Payload(second \u00e9,42,[x, y, z])");
    }
}
