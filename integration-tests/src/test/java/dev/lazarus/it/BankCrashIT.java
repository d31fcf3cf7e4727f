package dev.lazarus.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank under the agent, killed with {@code kill -9} at random moments, 7 times per sync mode:
 * after each restart money is conserved and every acknowledged transfer is in the recovered state
 * (and at most one more per teller: a transfer that committed but whose acknowledgement was not
 * printed yet).
 */
class BankCrashIT {
    private static final Pattern STATE = Pattern.compile("STATE accounts=(\\d+) total=(-?\\d+) expected=(\\d+) transfers=(\\d+) tellers=\\{(.*)}");
    private static final String MAIN = "dev.lazarus.sample.bank.BankApp";
    private static final int CYCLES = 7;

    @ParameterizedTest
    @ValueSource(strings = {"none", "interval", "always"})
    void everyAcknowledgedTransferSurvivesKill9(String sync) throws Exception {
        Path dir = AgentJvm.workDir("bank-" + sync);
        Random random = new Random(sync.hashCode());
        Map<String, Long> acknowledged = new HashMap<>();
        for (int cycle = 0; cycle <= CYCLES; cycle++) {
            try (AgentJvm jvm = AgentJvm.app(MAIN).dir(dir.resolve("state")).option("sync", sync)
                    .args("--accounts", "50", "--tellers", "3").start()) {
                String state = jvm.awaitLine(l -> l.startsWith("STATE"), Duration.ofSeconds(60));
                check(state, acknowledged, cycle, jvm);
                if (cycle == CYCLES) {
                    break;
                }
                jvm.awaitCount(l -> l.startsWith("ACK"), 1 + random.nextInt(200), Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(300));
                jvm.kill9();
                for (String line : jvm.out()) {
                    if (line.startsWith("ACK ")) {
                        String[] p = line.split(" ");
                        acknowledged.merge(p[1], Long.parseLong(p[2]), Math::max);
                    }
                }
            }
        }
    }

    private static void check(String state, Map<String, Long> acknowledged, int cycle, AgentJvm jvm)
            throws InterruptedException {
        Matcher m = STATE.matcher(state);
        assertThat(m.matches()).as("state line %s", state).isTrue();
        assertThat(Long.parseLong(m.group(2))).as("money conserved after crash %d; %s", cycle, jvm.describe())
                .isEqualTo(Long.parseLong(m.group(3)));
        Map<String, Long> recovered = new HashMap<>();
        if (!m.group(5).isBlank()) {
            for (String kv : m.group(5).split(", ")) {
                String[] p = kv.split("=");
                recovered.put(p[0], Long.parseLong(p[1]));
            }
        }
        for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
            long got = recovered.getOrDefault(e.getKey(), 0L);
            assertThat(got).as("teller %s after crash %d: acknowledged %d, recovered %d; %s", e.getKey(), cycle,
                    e.getValue(), got, jvm.describe()).isBetween(e.getValue(), e.getValue() + 1);
        }
        // what recovered is durable: it is the floor from now on (else an unacknowledged transfer
        // recovered here plus one in flight at the next kill would read as two)
        recovered.forEach((teller, n) -> acknowledged.merge(teller, n, Math::max));
        if (cycle > 0) {
            // stderr is read by its own thread: give it a moment to catch up with stdout
            for (int i = 0; i < 50 && jvm.err().stream().noneMatch(l -> l.contains("Lazarus recovered")); i++) {
                Thread.sleep(100);
            }
            assertThat(jvm.err()).as("one recovery line; %s", jvm.describe())
                    .filteredOn(l -> l.contains("Lazarus recovered")).hasSize(1);
        }
    }
}
