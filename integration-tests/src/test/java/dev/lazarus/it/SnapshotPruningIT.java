package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, point 6: many snapshots over a long-ish run. Three workers make atomic steps (and
 * random changes to 5 000 items) for 20 s under {@code snapshotLogBytes=256k}, with one log file per
 * second; the test watches the data directory meanwhile: old snapshots and old log files must
 * really be deleted (counts bounded, the first files gone, disk use flat), then {@code kill -9} and
 * the recovery must hold every acknowledged step, each lane consistent with its count.
 */
class SnapshotPruningIT {
    private static final int WINDOW = 20;
    private static final long RUN_MS = 20_000;

    @Test
    void manySnapshotsOverALongRun_oldSnapshotsAndLogFilesAreDeleted_andRecoveryIsExact() throws Exception {
        Path dir = AgentJvm.workDir("snap-pruning").resolve("state");
        String rollCycle = "-Ddev.lazarus.rollCycle=TEST_SECONDLY";
        Set<String> snapshotsSeen = new LinkedHashSet<>();
        Set<String> logsSeen = new LinkedHashSet<>();
        int maxSnapshots = 0;
        int maxTmp = 0;
        int maxLogs = 0;
        long maxBytesFirstHalf = 0;
        long maxBytesSecondHalf = 0;
        long maxKbFirstHalf = 0;
        long maxKbSecondHalf = 0;
        List<String> samples = new ArrayList<>();
        Map<String, Long> acked;
        String firstLog;
        String firstSnapshot;
        AgentJvm run;
        try (AgentJvm jvm = AgentJvm.app(Snap.APP).dir(dir).option("snapshotLogBytes", "256k").jvmArg(rollCycle)
                .args("fill:5000:" + System.nanoTime(), "lanes:3:" + WINDOW + ":20", "ready").start()) {
            run = jvm;
            jvm.awaitLine("READY"::equals, Duration.ofSeconds(60));
            long start = System.nanoTime();
            long end = start + RUN_MS * 1_000_000;
            long nextSample = 0;
            while (System.nanoTime() < end) {
                List<String> snaps = Snap.snapshotFiles(dir);
                List<String> tmps = Snap.tmpFiles(dir);
                List<String> logs = Snap.logFiles(dir);
                long bytes = Snap.bytes(dir);
                snapshotsSeen.addAll(snaps);
                logsSeen.addAll(logs);
                maxSnapshots = Math.max(maxSnapshots, snaps.size());
                maxTmp = Math.max(maxTmp, tmps.size());
                maxLogs = Math.max(maxLogs, logs.size());
                long elapsed = System.nanoTime() - start;
                if (elapsed < end - start >> 1) {
                    maxBytesFirstHalf = Math.max(maxBytesFirstHalf, bytes);
                } else {
                    maxBytesSecondHalf = Math.max(maxBytesSecondHalf, bytes);
                }
                if (elapsed >= nextSample) {
                    long kb = Snap.diskKb(dir);
                    if (elapsed >= 2_000_000_000L && elapsed < (end - start) / 2) {
                        maxKbFirstHalf = Math.max(maxKbFirstHalf, kb);
                    } else if (elapsed >= (end - start) / 2) {
                        maxKbSecondHalf = Math.max(maxKbSecondHalf, kb);
                    }
                    samples.add(String.format("%5.1f s: %d snapshots %s, %d .tmp, %d log files, %d bytes (%d KiB on disk)",
                            elapsed / 1e9, snaps.size(), snaps, tmps.size(), logs.size(), bytes, kb));
                    nextSample += 2_000_000_000L;
                }
                assertThat(jvm.out()).as("the app is alive; %s", jvm.describe()).isNotEmpty();
                Thread.sleep(20);
            }
            jvm.kill9();
            acked = Snap.acks(jvm.out());
            firstLog = logsSeen.iterator().next();
            firstSnapshot = snapshotsSeen.iterator().next();
        }
        String report = String.join("\n", samples) + "\nsnapshots seen " + snapshotsSeen.size() + ", log files seen "
                + logsSeen.size() + ", at most " + maxSnapshots + " snapshots, " + maxTmp + " .tmp, " + maxLogs
                + " log files at once; disk " + maxBytesFirstHalf + " bytes (first half) / " + maxBytesSecondHalf
                + " (second half) apparent, " + maxKbFirstHalf + " / " + maxKbSecondHalf + " KiB on disk";
        System.out.println("[SnapshotPruningIT] " + report);

        // recovery after the long run
        AgentJvm checked = SnapshotCrashIT.check(AgentJvm.app(Snap.APP).dir(dir).jvmArg(rollCycle).args("check"));
        Snap.Recovery r = Snap.recovery(checked);
        System.out.println("[SnapshotPruningIT] " + r.line());
        assertThat(Snap.line(checked.out(), "STATE")).as("the items are whole; %s", checked.describe())
                .startsWith("items=5000 ").contains(" badIds=0 ");
        assertThat(acked).as("the workers acknowledged steps").hasSize(3);
        List<String> lanes = Snap.lines(checked.out(), "LANE");
        assertThat(lanes).as("three lanes recovered; %s", checked.describe()).hasSize(3);
        for (String lane : lanes) {
            String[] p = lane.split(" ");
            long count = Long.parseLong(p[1].substring("count=".length()));
            long ack = acked.get(p[0]);
            // a lane acknowledges every 100th step: up to 100 steps after the last ACK may have committed
            assertThat(count).as("%s: acknowledged %d, recovered %d; %s", p[0], ack, count, Snap.stderr(checked))
                    .isBetween(ack, ack + 100);
            StringBuilder expected = new StringBuilder("recent=");
            for (long i = Math.max(1, count - WINDOW + 1); i <= count; i++) {
                expected.append(i == Math.max(1, count - WINDOW + 1) ? "" : ",").append(i);
            }
            assertThat(p[2]).as("%s: the last %d steps, in order, up to count=%d (each step is atomic); %s", p[0], WINDOW,
                    count, Snap.stderr(checked)).isEqualTo(expected.toString());
        }
        assertThat(r.fromSnapshot()).as("recovered from a snapshot: %s", r.line()).isTrue();

        // the files
        assertThat(snapshotsSeen.size()).as("many snapshots were taken; %s", report).isGreaterThanOrEqualTo(10);
        assertThat(maxSnapshots).as("at most the 2 kept snapshots, plus a new one between its rename and the"
                + " deletion of the oldest; %s", report).isLessThanOrEqualTo(3);
        assertThat(maxTmp).as("at most one snapshot being written; %s", report).isLessThanOrEqualTo(1);
        assertThat(Snap.snapshotFiles(dir)).as("old snapshots deleted (the first was %s)", firstSnapshot)
                .doesNotContain(firstSnapshot).hasSizeLessThanOrEqualTo(2);
        assertThat(logsSeen.size()).as("one log file per second; %s", report).isGreaterThanOrEqualTo(15);
        assertThat(maxLogs).as("old log files deleted: only those after the older kept snapshot remain; %s", report)
                .isLessThanOrEqualTo(6);
        assertThat(Snap.logFiles(dir)).as("the first log file %s was deleted", firstLog).doesNotContain(firstLog);
        assertThat(maxBytesSecondHalf).as("file sizes stay flat under a steady workload; %s", report)
                .isLessThanOrEqualTo(2 * maxBytesFirstHalf);
        assertThat(maxKbSecondHalf).as("disk use stays flat under a steady workload; %s", report)
                .isLessThanOrEqualTo(2 * maxKbFirstHalf);
        assertThat(run.err().stream().filter(Snap::lazarusWarning).toList())
                .as("a steady run has nothing to warn about; %s", Snap.stderr(run)).isEmpty();
    }
}
