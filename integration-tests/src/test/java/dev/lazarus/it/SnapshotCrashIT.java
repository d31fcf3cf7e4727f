package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, point 6: {@code kill -9} while a snapshot is being written, right after one, right
 * before one, and corrupt snapshots. Each test runs {@link Snap#APP} under the agent, kills it for
 * real, restarts it on the same directory and compares the recovered state with what the app
 * printed before the kill (an exact digest of every item, and the acknowledged counter values).
 */
class SnapshotCrashIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int BIG = 300_000;
    private final Random random = new Random();

    private static AgentJvm.Builder snapApp(Path dir, String... steps) {
        // no snapshot but the ones the app asks for: the tests decide where they fall
        return AgentJvm.app(Snap.APP).dir(dir).option("snapshotInterval", "off").option("snapshotLogBytes", "off")
                .jvmArg("-Xmx2g").args(steps);
    }

    private static String seed(Random r) {
        return Long.toString(r.nextLong() & Long.MAX_VALUE);
    }

    /** A check run: exits 0 after CHECKED; returns the (finished) JVM to read. */
    static AgentJvm check(AgentJvm.Builder builder) throws Exception {
        AgentJvm jvm = builder.start();
        int exit = jvm.awaitExit(TIMEOUT);
        assertThat(exit).as("the check run exits 0; %s", jvm.describe()).isZero();
        assertThat(jvm.out()).as("the check run printed CHECKED; %s", jvm.describe()).contains("CHECKED");
        return jvm;
    }

    private static void assertNoCheckpointFailed(AgentJvm jvm, String run) {
        assertThat(jvm.out().stream().filter(l -> l.startsWith("CHECKPOINT-FAILED")).toList())
                .as("%s: Lazarus.checkpoint() threw", run).isEmpty();
    }

    // ------------------------------------------------------------------ kill -9 during a snapshot write

    @Test
    void kill9DuringTheFirstSnapshotWrite_recoversFromTheLogAlone_andTheTmpIsNeverUsed() throws Exception {
        Path dir = AgentJvm.workDir("snap-kill-first").resolve("state");
        killDuringWrite(dir, false);
    }

    @Test
    void kill9DuringTheSecondSnapshotWrite_recoversFromThePreviousSnapshotAndTheLog() throws Exception {
        Path dir = AgentJvm.workDir("snap-kill-second").resolve("state");
        killDuringWrite(dir, true);
    }

    private void killDuringWrite(Path dir, boolean previous) throws Exception {
        String state;
        long ackedCounter;
        String tmp;
        List<String> before;
        String earlier = null;
        try (AgentJvm jvm = snapApp(dir, previous
                ? new String[] {"fill:" + BIG + ":" + seed(random), "mutate:5000:" + seed(random), "checkpoint",
                "mutate:5000:" + seed(random), "print:STATE", "counter", "sleep:200", "checkpoint-async", "ready"}
                : new String[] {"fill:" + BIG + ":" + seed(random), "mutate:5000:" + seed(random), "print:STATE",
                "counter", "sleep:200", "checkpoint-async", "ready"}).start()) {
            jvm.awaitLine(l -> l.startsWith("STATE "), TIMEOUT);
            if (previous) {
                assertNoCheckpointFailed(jvm, "the run that was killed");
                assertThat(Snap.snapshotFiles(dir)).as("the first snapshot is on disk; %s", jvm.describe()).hasSize(1);
                earlier = Snap.snapshotFiles(dir).get(0);
            }
            // kill once the write is well under way (the snapshot is ~12 MB, written in 64 KiB chunks)
            Optional<String> writing = Snap.awaitTmp(dir, 1 << 20, TIMEOUT);
            jvm.kill9();
            assertThat(writing).as("a snapshot was being written (a .tmp file of 1 MiB or more appeared); %s",
                    jvm.describe()).isPresent();
            tmp = writing.get();
            before = jvm.out();
            state = Snap.line(before, "STATE");
            ackedCounter = Snap.acks(before).getOrDefault("counter", 0L);
            assertThat(before).as("the kill came before the snapshot was complete; %s", jvm.describe())
                    .doesNotContain("CHECKPOINT-DONE");
            assertThat(Snap.tmpFiles(dir)).as("the kill left the half-written snapshot").contains(tmp);
            assertThat(Snap.snapshotFiles(dir)).as("no snapshot was completed by the killed write")
                    .isEqualTo(previous ? List.of(earlier) : List.of());
            assertThat(ackedCounter).as("the counter thread ran during the snapshot").isPositive();
        }
        long tmpSize = Files.exists(Snap.snapshots(dir).resolve(tmp)) ? Files.size(Snap.snapshots(dir).resolve(tmp)) : -1;

        AgentJvm checked = check(snapApp(dir, "check"));
        Snap.Recovery r = Snap.recovery(checked);
        System.out.println("[SnapshotCrashIT] killed while writing " + tmp + " (" + tmpSize + " bytes written); "
                + (previous ? "previous snapshot " + earlier + " " + Files.size(Snap.snapshots(dir).resolve(earlier))
                + " bytes; " : "") + r.line());
        assertThat(Snap.line(checked.out(), "STATE"))
                .as("recovered items after kill -9 during a snapshot write (.tmp %s, %d bytes); %s", tmp, tmpSize,
                        checked.describe())
                .isEqualTo(state);
        assertThat(Long.parseLong(Snap.line(checked.out(), "COUNTER")))
                .as("the counter: acknowledged %d before the kill; %s", ackedCounter, checked.describe())
                .isBetween(ackedCounter, ackedCounter + 1);
        if (previous) {
            assertThat(r.fromSnapshot()).as("recovered from the previous snapshot: %s", r.line()).isTrue();
            assertThat(r.snapshotObjects()).as("the previous snapshot holds the items: %s", r.line()).isGreaterThan(BIG);
            assertThat(r.applied()).as("and replayed the log after it: %s", r.line()).isGreaterThan(5000);
        } else {
            assertThat(r.fromSnapshot()).as("no complete snapshot: recovered from the log alone: %s", r.line()).isFalse();
        }
        assertThat(Snap.tmpFiles(dir)).as("the half-written snapshot is removed at the next start").isEmpty();
        assertThat(Snap.snapshotFiles(dir)).as("the half-written snapshot never became a snapshot")
                .isEqualTo(previous ? List.of(earlier) : List.of());
        assertThat(checked.err()).as("no warning: the .tmp is not a snapshot to try; %s", checked.describe())
                .noneMatch(Snap::lazarusWarning);
    }

    // ------------------------------------------------------------------ right after, right before

    /**
     * Four runs on one directory. 1: build, checkpoint, kill -9 as soon as {@code checkpoint()}
     * returned. 2: recover (from that snapshot, nothing after it), change more, kill -9 with no
     * snapshot covering the changes. 3: recover (snapshot + log), change more, start a snapshot and
     * kill -9 right away. 4: check.
     */
    @Test
    void kill9RightAfterASnapshot_andRightBeforeOne_recoverExactly() throws Exception {
        Path dir = AgentJvm.workDir("snap-after-before").resolve("state");
        String built;
        try (AgentJvm jvm = snapApp(dir, "fill:20000:" + seed(random), "mutate:3000:" + seed(random), "print:STATE",
                "checkpoint", "ready").start()) {
            jvm.awaitLine(l -> l.startsWith("CHECKPOINTED 1") || l.startsWith("CHECKPOINT-FAILED"), TIMEOUT);
            jvm.kill9();
            assertNoCheckpointFailed(jvm, "run 1");
            built = Snap.line(jvm.out(), "STATE");
        }
        assertThat(Snap.snapshotFiles(dir)).as("run 1 left its snapshot").hasSize(1);

        String changed;
        try (AgentJvm jvm = snapApp(dir, "print:STATE", "mutate:3000:" + seed(random), "print:STATE2", "ready").start()) {
            jvm.awaitLine(l -> l.startsWith("STATE2 "), TIMEOUT);
            jvm.kill9();
            assertThat(Snap.line(jvm.out(), "STATE")).as("run 2 recovered what run 1 had when its snapshot was taken; %s",
                    jvm.describe()).isEqualTo(built);
            Snap.Recovery r = Snap.recovery(jvm);
            assertThat(r.fromSnapshot()).as("run 2 recovered from the snapshot: %s", r.line()).isTrue();
            assertThat(r.records()).as("nothing was logged after the snapshot: %s", r.line()).isLessThan(10);
            changed = Snap.line(jvm.out(), "STATE2");
            assertThat(changed).isNotEqualTo(built);
        }
        assertThat(Snap.snapshotFiles(dir)).as("no snapshot covers run 2's changes").hasSize(1);

        String last;
        try (AgentJvm jvm = snapApp(dir, "print:STATE", "mutate:3000:" + seed(random), "print:STATE2", "checkpoint-async",
                "ready").start()) {
            jvm.awaitLine(l -> l.startsWith("CHECKPOINT-STARTED"), TIMEOUT);
            jvm.kill9();
            assertThat(Snap.line(jvm.out(), "STATE")).as("run 3 recovered run 2's acknowledged changes from the"
                    + " snapshot and the log after it; %s", jvm.describe()).isEqualTo(changed);
            Snap.Recovery r = Snap.recovery(jvm);
            assertThat(r.fromSnapshot()).as("run 3 recovered from the snapshot: %s", r.line()).isTrue();
            assertThat(r.applied()).as("and the log after it: %s", r.line()).isGreaterThanOrEqualTo(3000);
            last = Snap.line(jvm.out(), "STATE2");
            assertNoCheckpointFailed(jvm, "run 3");
        }
        AgentJvm checked = check(snapApp(dir, "check"));
        assertThat(Snap.line(checked.out(), "STATE")).as("run 4 recovered run 3's changes, killed as a snapshot"
                + " started (%s); %s", Snap.snapshotFiles(dir), checked.describe()).isEqualTo(last);
        assertThat(Snap.tmpFiles(dir)).isEmpty();
    }

    // ------------------------------------------------------------------ corrupt snapshots

    /**
     * Three snapshots a second apart (one log file per second), so that the oldest snapshot and
     * the log files before the second are deleted; then the newest snapshot is damaged while the
     * app is dead: recovery falls back to the one before with a warning, state exact. Then that one
     * is damaged too: the log no longer starts at the beginning, so the JVM must refuse to start
     * rather than start empty or with half the state.
     */
    @Test
    void corruptNewestSnapshotFallsBackToThePreviousOne_bothCorruptRefusesToStart() throws Exception {
        Path dir = AgentJvm.workDir("snap-corrupt").resolve("state");
        String rollCycle = "-Ddev.lazarus.rollCycle=TEST_SECONDLY";
        String state;
        List<String> firstLogFiles;
        AgentJvm killed;
        try (AgentJvm jvm = snapApp(dir, "fill:20000:" + seed(random), "mutate:2000:" + seed(random), "print:BUILT",
                "sleep:1100", "checkpoint", "mutate:2000:" + seed(random), "sleep:1100", "checkpoint",
                "mutate:2000:" + seed(random), "sleep:1100", "checkpoint", "mutate:2000:" + seed(random),
                "print:STATE", "ready").jvmArg(rollCycle).start()) {
            killed = jvm;
            jvm.awaitLine(l -> l.startsWith("BUILT "), TIMEOUT);
            firstLogFiles = Snap.logFiles(dir);
            jvm.awaitLine("READY"::equals, TIMEOUT);
            jvm.kill9();
            state = Snap.line(jvm.out(), "STATE");
        }
        List<String> snaps = Snap.snapshotFiles(dir);
        assertThat(snaps).as("the newest two snapshots are kept; %s", killed.describe()).hasSize(2);
        assertThat(Files.exists(Snap.snapshots(dir).resolve("log-truncated"))).as("log-truncated marker").isTrue();

        Path newest = Snap.snapshots(dir).resolve(snaps.get(1));
        Snap.corruptMiddle(newest, 16);
        AgentJvm fallback = check(snapApp(dir, "check").jvmArg(rollCycle));
        Snap.Recovery r = Snap.recovery(fallback);
        assertThat(Snap.line(fallback.out(), "STATE"))
                .as("recovered from the previous snapshot and the log after it; %s", fallback.describe()).isEqualTo(state);
        assertThat(r.fromSnapshot()).as("from a snapshot: %s", r.line()).isTrue();
        assertThat(fallback.err()).as("a warning names the damaged snapshot; %s", fallback.describe())
                .anyMatch(l -> l.startsWith("WARNING") && l.contains(snaps.get(1)));

        // both damaged, and the log files before them are gone (or may be: the marker says so)
        Snap.corruptMiddle(Snap.snapshots(dir).resolve(snaps.get(0)), 16);
        try (AgentJvm refused = snapApp(dir, "check").jvmArg(rollCycle).start()) {
            int exit = refused.awaitExit(TIMEOUT);
            String err = String.join("\n", refused.err());
            assertThat(refused.out()).as("the JVM must not start with an empty or partial state; %s", refused.describe())
                    .noneMatch(l -> l.startsWith("STATE") || l.equals("CHECKED") || l.startsWith("MAIN"));
            assertThat(exit).as("the JVM refuses to start; %s", refused.describe()).isNotZero();
            assertThat(err).as("the error names the damaged snapshots and says the log cannot replace them")
                    .contains(snaps.get(0)).contains(snaps.get(1)).containsIgnoringCase("no usable snapshot");
        }

        assertThat(firstLogFiles).as("log files existed when the state was built").isNotEmpty();
        assertThat(Snap.logFiles(dir)).as("the log files that only the deleted snapshot needed were deleted (the"
                + " first was %s); killed run: %s", firstLogFiles.get(0), killed.describe())
                .doesNotContain(firstLogFiles.get(0));
        assertNoCheckpointFailed(killed, "the run that took three snapshots");
    }
}
