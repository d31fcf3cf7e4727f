package dev.lazarus.junit;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Lazarus agent jar: the system property {@code lazarus.agent.jar} if set, else the jar
 * of the {@code dev.lazarus:lazarus-agent} artifact on the test class path.
 */
final class AgentJar {
    static final String PROPERTY = "lazarus.agent.jar";
    /** A class that only the agent jar holds; looked up as a resource, never loaded. */
    private static final String MARKER = "dev/lazarus/agent/boot/Premain.class";

    private AgentJar() {
    }

    static Path locate(ClassLoader classPath) {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return checked(Path.of(property), "the system property " + PROPERTY);
        }
        URL marker = classPath.getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("the Lazarus agent jar was not found. Add dev.lazarus:lazarus-agent as a"
                    + " test dependency, set -D" + PROPERTY + "=PATH, or call CrashTester.agentJar(PATH)");
        }
        if (!marker.getProtocol().equals("jar")) {
            throw new IllegalStateException("the lazarus-agent classes on the class path are not a packaged jar ("
                    + marker + "): run the tests after the package phase, or set -D" + PROPERTY + "=PATH");
        }
        String file = marker.getPath().substring(0, marker.getPath().indexOf("!/"));
        try {
            return checked(Path.of(new URI(file)), "the class path");
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the agent jar's location " + marker, e);
        }
    }

    static Path checked(Path jar, String from) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the Lazarus agent jar " + jar.toAbsolutePath() + " (from " + from
                    + ") does not exist: build it (mvn package) or fix the path");
        }
        return jar.toAbsolutePath();
    }
}
