package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 7: a recovery that takes more than two seconds says how far it got. An
 * application writes a few million log records with snapshots off and is killed with
 * {@code kill -9}; the next start replays them all and must print, from the second second on,
 * progress lines with a growing percentage and the time left, then recover the exact state. The
 * first start (nothing to recover) prints none.
 */
class RecoveryProgressIT {
    private static final Pattern PROGRESS = Pattern.compile(
            "INFO: Lazarus recovery: (\\d+)% \\((loading the snapshot|reading the log|replaying the log): [\\d,]+ of [\\d,]+ (bytes|records)\\), about (\\d+) s left");

    @Test
    void aLongRecoveryPrintsItsProgressAndTimeLeft() throws Exception {
        Path dir = AgentJvm.workDir("progress").resolve("state");
        String state;
        try (AgentJvm jvm = app(dir, "fill:100000:1", "mutate:2000000:2", "print:STATE", "ready").start()) {
            jvm.awaitLine("READY"::equals, Duration.ofSeconds(120));
            jvm.kill9();
            state = Snap.line(jvm.out(), "STATE");
            assertThat(jvm.err()).as("nothing to recover, nothing to report").noneMatch(l -> l.contains("Lazarus recovery:"));
        }
        try (AgentJvm check = app(dir, "check").start()) {
            assertThat(check.awaitExit(Duration.ofSeconds(120))).as(check.describe()).isZero();
            Snap.Recovery r = Snap.recovery(check);
            List<Integer> percents = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (String l : check.err()) {
                if (l.contains("Lazarus recovery:")) {
                    Matcher m = PROGRESS.matcher(l);
                    assertThat(m.matches()).as("a progress line: %s", l).isTrue();
                    percents.add(Integer.parseInt(m.group(1)));
                    lines.add(l);
                }
            }
            System.out.println("[RecoveryProgressIT] " + r.line() + "\n" + String.join("\n", lines));
            assertThat(Snap.line(check.out(), "STATE")).as(check.describe()).isEqualTo(state);
            assertThat(r.totalMs()).as("the log is large enough for a recovery over 2 s here: %s", r.line())
                    .isGreaterThan(2_500);
            // one line a second from the second second on (recovery's own timing, JVM start excluded)
            assertThat(percents).as(check.describe()).hasSizeBetween((int) (r.totalMs() - 2_000) / 1_000 - 1,
                    (int) (r.totalMs() - 2_000) / 1_000 + 1).isNotEmpty().isSorted();
            assertThat(percents.get(0)).isPositive();
            assertThat(percents.get(percents.size() - 1)).isLessThanOrEqualTo(100);
        }
    }

    private static AgentJvm.Builder app(Path dir, String... steps) {
        return AgentJvm.app(Snap.APP).dir(dir).option("snapshotInterval", "off").option("snapshotLogBytes", "off")
                .jvmArg("-Xmx1g").args(steps);
    }
}
