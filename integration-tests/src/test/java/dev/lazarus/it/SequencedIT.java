package dev.lazarus.it;

import static dev.lazarus.it.Crash.app;
import static dev.lazarus.it.Crash.assertRecovered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Java 21+: sequenced methods and views (putFirst, reversed(), sequencedKeySet()...) of tracked
 * collections, driven through a real agent JVM, killed with {@code kill -9} after READY,
 * restarted: the recovered state must be what the app printed. The app is compiled only on 21+
 * (src/test/java21, profile apps-java21); on 17 this test is skipped.
 */
class SequencedIT {
    @Test
    void sequencedMethodsAndViewsSurviveACrash() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "Java 21's sequenced collections need a 21+ JVM");
        String main = "dev.lazarus.it.apps.seq.SequencedApp";
        Path dir = AgentJvm.workDir("sequenced");
        Crash.Run built = Crash.runAndKill(app(main, dir, "build"));
        assertThat(built.state()).as("the mutations change the state; %s", built.description())
                .isNotEqualTo(built.fresh());
        Crash.Run checked = Crash.check(app(main, dir, "check"));
        assertRecovered("sequenced", built.state(), checked);
    }
}
