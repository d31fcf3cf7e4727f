package dev.lazarus.it.torture;

import dev.lazarus.it.AgentJvm;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions that a {@code kill -9} leaves open while other threads go on (issue 5, point 6; the
 * randomized version is the bank of {@link TortureIT}). Each scenario runs
 * {@code dev.lazarus.it.torture.app.PairApp} under the agent, kills it once the scenario is in
 * place, and checks the state the next start recovers.
 */
class ConcurrencyIT {
    private static final String APP = "dev.lazarus.it.torture.app.PairApp";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern RECORDS_AFTER = Pattern.compile("from a snapshot of \\d+ objects and \\d+ of (\\d+) log records after it");

    private static AgentJvm.Builder app(Path dir, String scenario) {
        return AgentJvm.app(APP).dir(dir).option("sync", "always").option("snapshotInterval", "off")
                .option("snapshotLogBytes", "off").args(scenario);
    }

    private static String runAndKill(Path dir, String scenario) throws Exception {
        try (AgentJvm jvm = app(dir, scenario).start()) {
            jvm.awaitLine("READY"::equals, TIMEOUT);
            jvm.kill9();
            return jvm.awaitLine(l -> l.startsWith("STATE "), TIMEOUT);
        }
    }

    private static AgentJvm check(Path dir) throws Exception {
        AgentJvm jvm = app(dir, "check").start();
        assertThat(jvm.awaitExit(TIMEOUT)).as("the check run exits 0; %s", jvm.describe()).isZero();
        return jvm;
    }

    private static String state(AgentJvm jvm) throws InterruptedException {
        return jvm.awaitLine(l -> l.startsWith("STATE "), TIMEOUT).substring(6);
    }

    /**
     * The bug the torture harness found: a transaction that released its lock and then died before
     * returning was rolled back, while a committed transaction had already written a balance that
     * included its change — 5 created out of nothing. Now it is rolled forward.
     */
    @Test
    void aTransactionThatReleasedItsLockAndWasOverwrittenByACommittedOne_isRolledForward() throws Exception {
        Path dir = AgentJvm.workDir("concurrency-released").resolve("state");
        runAndKill(dir, "released");
        AgentJvm checked = check(dir);
        assertThat(state(checked)).as("a + b == 200 + deposits: the move is applied whole, with the deposit"
                + " that built on it; %s", checked.describe()).isEqualTo("95 106 1 0");
        assertThat(checked.err()).as("recovery says so").anyMatch(l -> l.contains("applied 1 transaction(s) that had not committed"));
    }

    /** Still holding its lock, nobody can have built on it: rolled back, the unguarded write kept. */
    @Test
    void aTransactionKilledWhileHoldingItsLock_isRolledBack() throws Exception {
        Path dir = AgentJvm.workDir("concurrency-holding").resolve("state");
        runAndKill(dir, "holding");
        AgentJvm checked = check(dir);
        assertThat(state(checked)).as("the move rolled back, the other write kept; %s", checked.describe())
                .isEqualTo("100 100 0 42");
        assertThat(checked.err()).anyMatch(l -> l.contains("1 transaction rolled back"));
    }

    /**
     * The second bug: a transaction left open by a dead run never commits, and snapshots stopped
     * at the position before it forever (the log grew without bound). A checkpoint in the next run
     * must cover that run's changes.
     */
    @Test
    void aTransactionLeftOpenByADeadRun_doesNotHoldBackLaterSnapshots() throws Exception {
        Path dir = AgentJvm.workDir("concurrency-snapshot").resolve("state");
        runAndKill(dir, "holding");
        String before = runAndKill(dir, "deposits:2000");
        assertThat(before).as("the second run recovered the first").isEqualTo("STATE 100 100 0 42");
        AgentJvm checked = check(dir);
        assertThat(state(checked)).isEqualTo("100 2100 2000 42");
        String line = checked.err().stream().filter(l -> l.contains("Lazarus recovered")).findFirst().orElseThrow();
        Matcher m = RECORDS_AFTER.matcher(line);
        assertThat(m.find()).as("recovered from the snapshot the second run took: %s", line).isTrue();
        assertThat(Long.parseLong(m.group(1))).as("the snapshot covers the second run's 2000 deposits: %s", line)
                .isLessThan(50);
    }
}
