package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §3: the data directory is locked against a second JVM; kill -9 releases the lock. */
class DataDirLockIT {
    private static final String MAIN = "dev.lazarus.it.apps.values.ValuesApp";

    @Test
    void secondJvmOnTheSameDirRefusesToStartNamingTheHolderPid_andKill9ReleasesTheLock() throws Exception {
        Path dir = AgentJvm.workDir("lock");
        Crash.Run built;
        try (AgentJvm first = AgentJvm.app(MAIN).dir(dir).args("build").start()) {
            first.awaitLine("READY"::equals, Crash.TIMEOUT);
            try (AgentJvm second = AgentJvm.app(MAIN).dir(dir).args("check").start()) {
                int exit = second.awaitExit(Duration.ofSeconds(60));
                assertThat(exit).as("the second JVM exits with an error; %s", second.describe()).isNotZero();
                assertThat(String.join("\n", second.err())).as("the message names the holder's PID; %s", second.describe())
                        .contains(Long.toString(first.pid()))
                        .contains(dir.toString());
                assertThat(second.out()).as("the second JVM's main did not run; %s", second.describe())
                        .noneMatch(l -> l.startsWith("MAIN"));
            }
            assertThat(first.out()).as("the first JVM is unharmed").contains("READY");
            first.kill9();
            built = new Crash.Run(Crash.prefixed(first.out(), "FRESH"), Crash.prefixed(first.out(), "STATE"),
                    java.util.List.of(), first.out(), first.err(), first.describe());
        }
        // the OS released the lock with the process: a new JVM starts and recovers
        Crash.Run checked = Crash.check(AgentJvm.app(MAIN).dir(dir).args("check"));
        Crash.assertRecovered("after the lock holder was killed", built.state(), checked);
    }
}
