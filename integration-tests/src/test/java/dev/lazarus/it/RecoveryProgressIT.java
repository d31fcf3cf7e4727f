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
 * application writes millions of log records with snapshots off and is killed with
 * {@code kill -9}; the next start replays them all and must print, from the second second on,
 * progress lines with a growing percentage and the time left, then recover the exact state. A
 * recovery shorter than two seconds prints none. How long a recovery takes depends on the
 * machine: while it stays under three seconds, each start adds twice as many changes as the one
 * before and is killed again (every start recovers the whole log).
 */
class RecoveryProgressIT {
    private static final Pattern PROGRESS = Pattern.compile(
            "INFO: Lazarus recovery: (\\d+)% \\((loading the snapshot|reading the log|replaying the log): [\\d,]+ of [\\d,]+ (bytes|records)\\), about (\\d+) s left");

    @Test
    void aLongRecoveryPrintsItsProgressAndTimeLeft() throws Exception {
        Path dir = AgentJvm.workDir("progress").resolve("state");
        String state = null;
        long changes = 2_000_000;
        for (int start = 0; start < 4; start++, changes *= 2) {
            try (AgentJvm jvm = app(dir, start == 0 ? "fill:100000:1" : "sleep:0", "print:RECOVERED",
                    "mutate:" + changes + ":" + start, "print:STATE", "ready").start()) {
                jvm.awaitLine(l -> l.startsWith("RECOVERED "), Duration.ofSeconds(180));
                if (start == 0) {
                    assertThat(progress(jvm)).as("nothing to recover, nothing to report").isEmpty();
                } else {
                    Snap.Recovery r = Snap.recovery(jvm); // after the progress lines on the same stream
                    List<Integer> percents = progress(jvm);
                    assertThat(Snap.line(jvm.out(), "RECOVERED")).as(jvm.describe()).isEqualTo(state);
                    if (r.totalMs() < 2_000) {
                        assertThat(percents).as("a recovery under 2 s reports no progress: %s", r.line()).isEmpty();
                    } else if (r.totalMs() >= 3_000) {
                        // one line a second from the second second on (recovery's own timing, JVM start
                        // excluded): lines at 2, 3, ... s make floor((T - 2 s) / 1 s) + 1 of them; the
                        // progress clock starts a little before the report's, so allow one either way
                        int lines = (int) (r.totalMs() - 2_000) / 1_000 + 1;
                        assertThat(percents).as("%s", jvm.describe()).isNotEmpty().isSorted()
                                .hasSizeBetween(lines - 1, lines + 1);
                        assertThat(percents.get(0)).isPositive();
                        assertThat(percents.get(percents.size() - 1)).isLessThanOrEqualTo(100);
                        return;
                    }
                }
                jvm.awaitLine("READY"::equals, Duration.ofSeconds(180));
                jvm.kill9();
                state = Snap.line(jvm.out(), "STATE");
            }
        }
        throw new AssertionError("no recovery took 3 s in 4 starts (the last one added " + changes / 2 + " changes)");
    }

    /** The percentages of the start's progress lines; each line must have the documented form. */
    private static List<Integer> progress(AgentJvm jvm) {
        List<Integer> percents = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String l : jvm.err()) {
            if (l.contains("Lazarus recovery:")) {
                Matcher m = PROGRESS.matcher(l);
                assertThat(m.matches()).as("a progress line: %s", l).isTrue();
                percents.add(Integer.parseInt(m.group(1)));
                lines.add(l);
            } else if (l.startsWith("INFO: Lazarus recovered")) {
                lines.add(l);
            }
        }
        System.out.println("[RecoveryProgressIT]\n" + String.join("\n", lines));
        return percents;
    }

    private static AgentJvm.Builder app(Path dir, String... steps) {
        return AgentJvm.app(Snap.APP).dir(dir).option("snapshotInterval", "off").option("snapshotLogBytes", "off")
                .jvmArg("-Xmx1g").args(steps);
    }
}
