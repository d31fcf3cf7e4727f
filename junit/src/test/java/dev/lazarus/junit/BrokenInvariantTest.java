package dev.lazarus.junit;

import dev.lazarus.junit.fixtures.BrokenPairScenario;
import dev.lazarus.junit.fixtures.PairApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The crash tester catches an app that breaks its invariant ({@link PairApp} moves a unit in two
 * changes outside {@code @Atomic}): from code the check throws, naming the crash, the seed and the
 * data directory; as {@code @CrashTest} the crashes are reported as failed tests.
 */
class BrokenInvariantTest {
    @TempDir
    Path dataDir;

    @Test
    void theCheckFailsNamingTheCrashTheSeedAndTheDataDirectory() {
        assertThatThrownBy(() -> CrashTester.forMain(PairApp.class)
                .cycles(3)
                .killBetween(Duration.ofMillis(1500), Duration.ofMillis(2500))
                .seed(42)
                .dataDir(dataDir)
                .check(cycle -> assertThat(cycle.awaitLine("SUM \\d+")).isEqualTo("SUM 1000")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("invariant failed after crash")
                .hasMessageContaining("expected: \"SUM 1000\"")
                .hasMessageContaining("seed 42")
                .hasMessageContaining("data directory is kept: " + dataDir)
                .hasMessageContaining("--- stdout");
    }

    @Test
    void asAnAnnotationEachCrashIsATestAndTheBrokenOnesFail() throws IOException {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenPairScenario.class))
                .execute().testEvents();
        List<String> names = tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
        assertThat(names).hasSize(2).allMatch(n -> n.matches("crash [12] of 2: kill -9 after \\d+ ms"));
        List<Throwable> failures = tests.failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().orElseThrow()).toList();
        assertThat(failures).as("the unit lost by the crash is caught").isNotEmpty()
                .allMatch(t -> t instanceof AssertionError && t.getMessage().contains("invariant failed after crash")
                        && t.getMessage().contains("seed 7"));
        assertThat(tests.failed().count() + tests.succeeded().count()).isEqualTo(2);
        deleteKeptDataDirectory(failures.get(0).getMessage());
    }

    /** A failed crash test keeps its data directory for inspection; this one was expected to fail. */
    private static void deleteKeptDataDirectory(String message) throws IOException {
        Matcher m = Pattern.compile("the data directory is kept: (\\S+)").matcher(message);
        assertThat(m.find()).as(message).isTrue();
        try (Stream<Path> files = Files.walk(Path.of(m.group(1)))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
