package dev.lazarus.junit;

import dev.lazarus.sample.bank.BankApp;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash tester used as a user would, on the bank sample: after every kill -9 and restart, money
 * is conserved and every transfer acknowledged before a kill is in the recovered state (with at most
 * one unacknowledged one per teller and killed run).
 */
class BankCrashTest {
    private static final Pattern STATE = Pattern.compile("STATE accounts=(\\d+) total=(-?\\d+) expected=(\\d+) transfers=(\\d+) tellers=\\{(.*)}");

    @CrashTest(main = BankApp.class, args = {"--accounts", "20", "--tellers", "2"}, options = "sync=always", cycles = 3,
            killAfterMinMillis = 800, killAfterMaxMillis = 2000)
    void everyAcknowledgedTransferSurvives(CrashCycle cycle) throws InterruptedException {
        checkBank(cycle);
    }

    @Test
    void theSameFromCode() throws InterruptedException {
        CrashTester.forMain(BankApp.class)
                .args("--accounts", "20", "--tellers", "2")
                .options("sync=always,snapshotLogBytes=64k")
                .cycles(2)
                .killBetween(Duration.ofMillis(800), Duration.ofMillis(2000))
                .check(BankCrashTest::checkBank);
    }

    static void checkBank(CrashCycle cycle) throws InterruptedException {
        Matcher m = STATE.matcher(cycle.awaitLine("STATE .*"));
        assertThat(m.matches()).isTrue();
        assertThat(Long.parseLong(m.group(2))).as("money conserved").isEqualTo(Long.parseLong(m.group(3)));
        Map<String, Long> recovered = new HashMap<>();
        if (!m.group(5).isBlank()) {
            for (String kv : m.group(5).split(", ")) {
                String[] p = kv.split("=");
                recovered.put(p[0], Long.parseLong(p[1]));
            }
        }
        Map<String, Long> acknowledged = new HashMap<>();
        for (String line : cycle.earlierOutput()) {
            if (line.startsWith("ACK ")) {
                String[] p = line.split(" ");
                acknowledged.merge(p[1], Long.parseLong(p[2]), Math::max);
            }
        }
        // each killed run may leave one committed transfer per teller that it had no time to acknowledge
        acknowledged.forEach((teller, n) -> assertThat(recovered.getOrDefault(teller, 0L))
                .as("%s: acknowledged up to %d", teller, n).isBetween(n, n + cycle.number()));
    }
}
