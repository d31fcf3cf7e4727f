package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged files through real JVMs under the agent: the log cut at sample offsets across its last
 * records, a record damaged in the middle (refused by default, cut with {@code onCorruption=truncate}),
 * a damaged snapshot. The exhaustive sweeps are in the runtime's {@code RedoLogTruncationSweepTest}.
 */
class CorruptionIT {
    private static final String APP = "dev.lazarus.it.apps.snap.SnapApp";

    /** A data directory with a counter acknowledged up to the returned value, killed with kill -9. */
    private static long build(Path data, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("fill:50:1"));
        args.addAll(List.of(extra));
        args.addAll(List.of("counter", "sleep:400", "ready"));
        Crash.Run run = Crash.runAndKill(Crash.app(APP, data, args.toArray(new String[0])));
        return lastAck(run.out());
    }

    private static long lastAck(List<String> out) {
        long last = 0;
        for (String l : out) {
            if (l.startsWith("ACK counter ")) {
                last = Long.parseLong(l.substring("ACK counter ".length()));
            }
        }
        return last;
    }

    private static long counterAfterCheck(Path data, String... options) throws Exception {
        AgentJvm.Builder b = Crash.app(APP, data, "check");
        for (int i = 0; i + 1 < options.length; i += 2) {
            b.option(options[i], options[i + 1]);
        }
        Crash.Run run = Crash.check(b);
        return Long.parseLong(Crash.prefixed(run.out(), "COUNTER").get(0));
    }

    private static Path newestCycleFile(Path data) throws IOException {
        List<Path> files = HostileFilesIT.files(data.resolve("log"), ".cq4");
        return files.get(files.size() - 1);
    }

    @Test
    void aLogCutAtSampleOffsetsRecoversAPrefixAndGoesOn() throws Exception {
        Path dir = AgentJvm.workDir("cut");
        Path pristine = dir.resolve("pristine");
        long acked = build(pristine);
        assertThat(acked).isPositive();
        Path cq4 = newestCycleFile(pristine);
        long end = Tamper.endOfData(cq4);
        long previous = Long.MAX_VALUE;
        int tried = 0;
        for (long back : new long[] {0, 3, 40, 400, 4000}) {
            Path data = dir.resolve("cut-" + back);
            copyTree(pristine, data);
            Path file = data.resolve("log").resolve(cq4.getFileName());
            Tamper.zero(file, end - back, end);
            long counter = counterAfterCheck(data);
            tried++;
            if (back == 0) {
                Crash.assertAcknowledged(counter, acked, "nothing cut: everything acknowledged");
            }
            assertThat(counter).as("cut %d bytes before the end", back).isLessThanOrEqualTo(Math.min(acked + 1, previous));
            previous = counter;
            if (back == 400) {
                // the run after the repaired tail appends, and a later recovery finds it all
                long more = build(data);
                assertThat(more).isGreaterThan(counter);
                Crash.assertAcknowledged(counterAfterCheck(data), more, "the run after the repaired tail");
            }
        }
        System.out.println("log cuts through a real JVM: " + tried);
    }

    @Test
    void aDamagedRecordInTheMiddleIsRefusedOrCutOnRequest() throws Exception {
        Path dir = AgentJvm.workDir("middle");
        Path data = dir.resolve("data");
        long acked = build(data);
        Path cq4 = newestCycleFile(data);
        List<Integer> records = Tamper.records(cq4);
        assertThat(records.size()).isGreaterThan(100);
        int victim = records.get(records.size() - 60);
        Tamper.flipByte(cq4, victim + 9); // in the payload, after the CRC
        try (AgentJvm jvm = Crash.app(APP, data, "check").start()) {
            assertThat(jvm.awaitExit(Crash.TIMEOUT)).as(jvm.describe()).isNotZero();
            assertThat(jvm.err()).as(jvm.describe()).anyMatch(l -> l.contains("Redo log corrupted")
                    && l.contains(cq4.getFileName().toString()) && l.contains("offset " + victim)
                    && l.contains("onCorruption=truncate"));
        }
        byte[] damaged = Files.readAllBytes(cq4);
        long counter = counterAfterCheck(data, "onCorruption", "truncate");
        assertThat(counter).isLessThan(acked).isPositive();
        List<Path> aside;
        try (Stream<Path> s = Files.list(data.resolve("log"))) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("damaged-")).collect(Collectors.toList());
        }
        assertThat(aside).hasSize(1);
        assertThat(Files.readAllBytes(aside.get(0).resolve(cq4.getFileName()))).as("moved aside whole").isEqualTo(damaged);
        assertThat(counterAfterCheck(data)).as("the cut log is whole again: no option needed").isEqualTo(counter);
    }

    @Test
    void aDeletedNewestLogFileIsRefusedReportedByVerifyAndAcceptedOnRequest() throws Exception {
        String rollCycle = "-Ddev.lazarus.rollCycle=TEST_SECONDLY"; // a new cycle file every second
        Path data = AgentJvm.workDir("newest-deleted").resolve("data");
        // sync=always: every acknowledged step is forced, so the head has reached the newest file
        // (with interval a file younger than one interval at the crash is not recorded yet: see LogHead)
        long acked = lastAck(Crash.runAndKill(Crash.app(APP, data, "fill:50:1", "counter", "sleep:2500", "ready")
                .jvmArg(rollCycle).option("sync", "always")).out());
        List<Path> files = HostileFilesIT.files(data.resolve("log"), ".cq4");
        assertThat(files).as("the run spanned several cycle files").hasSizeGreaterThanOrEqualTo(3);
        Path newest = files.get(files.size() - 1);
        Files.delete(newest);
        try (AgentJvm jvm = Crash.app(APP, data, "check").jvmArg(rollCycle).start()) {
            assertThat(jvm.awaitExit(Crash.TIMEOUT)).as(jvm.describe()).isNotZero();
            assertThat(jvm.err()).as(jvm.describe()).anyMatch(l -> l.contains("Redo log incomplete")
                    && l.contains(newest.getFileName().toString()) && l.contains("onCorruption=truncate"));
        }
        Cli verify = Cli.runWith(List.of(rollCycle), "verify", data);
        assertThat(verify.exit()).as(verify.describe()).isEqualTo(1);
        assertThat(verify.out()).as(verify.describe()).anyMatch(l -> l.contains("PROBLEM the redo log is incomplete")
                && l.contains(newest.getFileName().toString()));
        AgentJvm.Builder accept = Crash.app(APP, data, "check").jvmArg(rollCycle).option("onCorruption", "truncate");
        long counter = Long.parseLong(Crash.prefixed(Crash.check(accept).out(), "COUNTER").get(0));
        // the deleted file held at least the last logged step (acknowledged, or in flight at the kill)
        assertThat(counter).as("what the deleted file held is gone, the rest is kept").isLessThanOrEqualTo(acked).isPositive();
        AgentJvm.Builder again = Crash.app(APP, data, "check").jvmArg(rollCycle);
        assertThat(Long.parseLong(Crash.prefixed(Crash.check(again).out(), "COUNTER").get(0)))
                .as("accepted once: no option needed any more").isEqualTo(counter);
    }

    @Test
    void aDeletedLogWhoseSnapshotsAreKeptIsRefusedNotReadAsTheSnapshotAlone() throws Exception {
        Path data = AgentJvm.workDir("log-deleted").resolve("data");
        build(data, "checkpoint");
        assertThat(HostileFilesIT.files(data.resolve("snapshots"), ".lzs")).hasSize(1);
        deleteTree(data.resolve("log")); // its head with it: what a link or the head cannot see
        try (AgentJvm jvm = Crash.app(APP, data, "check").start()) {
            assertThat(jvm.awaitExit(Crash.TIMEOUT)).as(jvm.describe()).isNotZero();
            assertThat(jvm.err()).as(jvm.describe()).anyMatch(l -> l.contains("Recovery refused")
                    && l.contains("holds no record") && l.contains("log files were deleted or replaced"));
        }
        Cli verify = Cli.run("verify", data);
        assertThat(verify.exit()).as(verify.describe()).isEqualTo(1);
        assertThat(verify.out()).as(verify.describe()).anyMatch(l -> l.contains("PROBLEM the newest usable snapshot")
                && l.contains("holds no record"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aDamagedSnapshotIsDetectedAndTheLogRebuildsTheState() throws Exception {
        Path dir = AgentJvm.workDir("snapshot-flip");
        Path data = dir.resolve("data");
        long acked = build(data, "checkpoint");
        List<Path> snapshots = HostileFilesIT.files(data.resolve("snapshots"), ".lzs");
        assertThat(snapshots).hasSize(1);
        Tamper.flipByte(snapshots.get(0), Files.size(snapshots.get(0)) / 2);
        AgentJvm.Builder b = Crash.app(APP, data, "check");
        Crash.Run run = Crash.check(b);
        assertThat(run.err()).anyMatch(l -> l.contains(snapshots.get(0).getFileName().toString())
                && l.contains("checksum mismatch"));
        Crash.assertAcknowledged(Long.parseLong(Crash.prefixed(run.out(), "COUNTER").get(0)), acked,
                "the log rebuilds what the damaged snapshot held");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.collect(Collectors.toList())) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("lazarus.lock")) {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
