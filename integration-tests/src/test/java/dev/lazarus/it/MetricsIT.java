package dev.lazarus.it;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 2: the MBean {@code dev.lazarus:type=Agent} read through JMX inside a real JVM
 * under the agent, and the JFR events {@code dev.lazarus.Snapshot} and {@code dev.lazarus.Recovery}
 * read back from the recordings of {@code -XX:StartFlightRecording}. The second run recovers
 * the first one's state, so its recovery figures are those of a real recovery.
 */
class MetricsIT {
    private static final String APP = "dev.lazarus.it.apps.metrics.MetricsApp";

    @Test
    void theAgentMBeanAndJfrEventsReportLoggingSnapshotsAndRecovery() throws Exception {
        Path work = AgentJvm.workDir("metrics");
        Path dir = work.resolve("state");
        Path jfr1 = work.resolve("run1.jfr");
        Path jfr2 = work.resolve("run2.jfr");

        Map<String, String> first = run(dir, jfr1, "1000", "500", "300");
        assertThat(first.get("RecoveredObjects")).as("nothing to recover in the first run").isEqualTo("0");
        assertThat(Long.parseLong(first.get("RecordsLogged"))).as("the fill (2 records an item) and 800 changes; %s", first)
                .isGreaterThan(2_800);
        assertThat(Long.parseLong(first.get("BytesLogged"))).isGreaterThan(Long.parseLong(first.get("RecordsLogged")) * 5);
        assertThat(Long.parseLong(first.get("Forces"))).as("sync=always forces each change; %s", first).isGreaterThan(800);
        // the items, the list, the store; and the items the 500 changes replaced (one in ten): the first
        // snapshot keeps what became unreachable since the start, the next one leaves it out (Unreachable)
        assertThat(Long.parseLong(first.get("LastSnapshotObjects"))).as("the items, the list, the store, the replaced items; %s",
                first).isBetween(1_002L + 20, 1_010L + 100);
        assertThat(Long.parseLong(first.get("LastSnapshotBytes"))).isGreaterThan(10_000);
        assertThat(Long.parseLong(first.get("LastSnapshotDurationMillis"))).isNotNegative();
        assertThat(Long.parseLong(first.get("LastSnapshotPauseMillis"))).isNotNegative();
        assertThat(first.get("LastSnapshotTime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(Long.parseLong(first.get("LogBytes"))).isPositive();
        assertThat(Long.parseLong(first.get("EstimatedRecoveryMillis"))).isNotNegative();

        Map<String, String> second = run(dir, jfr2, "0", "0", "0");
        assertThat(Long.parseLong(second.get("RecoveredObjects"))).as("the snapshot's and the items added after it; %s", second)
                .isGreaterThanOrEqualTo(Long.parseLong(first.get("LastSnapshotObjects")));
        assertThat(Long.parseLong(second.get("RecoveredRecords"))).as("the 300 changes after the snapshot; %s", second)
                .isGreaterThanOrEqualTo(300L).isLessThan(1_000L);
        assertThat(second.get("RolledBackTransactions")).isEqualTo("0");
        long total = Long.parseLong(second.get("RecoveryTotalMillis"));
        assertThat(total).isEqualTo(Long.parseLong(second.get("RecoveryDetectMillis"))
                + Long.parseLong(second.get("RecoveryRollbackMillis")) + Long.parseLong(second.get("RecoveryRedoMillis")));

        List<RecordedEvent> snapshots = events(jfr1, "dev.lazarus.Snapshot");
        assertThat(snapshots).as("one snapshot in the first run").hasSize(1);
        RecordedEvent s = snapshots.get(0);
        assertThat(s.getEventType().getCategoryNames()).containsExactly("Lazarus");
        assertThat(s.getLong("objects")).isEqualTo(Long.parseLong(first.get("LastSnapshotObjects")));
        assertThat(s.getLong("bytes")).isEqualTo(Long.parseLong(first.get("LastSnapshotBytes")));
        assertThat(s.getDuration()).isPositive();

        List<RecordedEvent> recoveries = events(jfr2, "dev.lazarus.Recovery");
        assertThat(recoveries).hasSize(1);
        RecordedEvent r = recoveries.get(0);
        assertThat(r.getLong("objects")).isEqualTo(Long.parseLong(second.get("RecoveredObjects")));
        assertThat(r.getLong("records")).isEqualTo(Long.parseLong(second.get("RecoveredRecords")));
        assertThat(r.getBoolean("fromSnapshot")).isTrue();
        assertThat(r.getBoolean("cleanShutdown")).isTrue();
        assertThat(r.getEventType().getCategoryNames()).containsExactly("Lazarus");
    }

    private static Map<String, String> run(Path dir, Path jfr, String... args) throws Exception {
        try (AgentJvm jvm = AgentJvm.app(APP).dir(dir).option("sync", "always").option("snapshotInterval", "off")
                .jvmArg("-XX:StartFlightRecording=filename=" + jfr + ",dumponexit=true").args(args).start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
            Map<String, String> metrics = new HashMap<>();
            for (String line : jvm.out()) {
                if (line.startsWith("METRIC ")) {
                    String[] kv = line.substring(7).split("=", 2);
                    metrics.put(kv[0], kv[1]);
                }
            }
            assertThat(metrics).as(jvm.describe()).hasSize(17);
            return metrics;
        }
    }

    private static List<RecordedEvent> events(Path jfr, String name) throws Exception {
        return RecordingFile.readAllEvents(jfr).stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }
}
