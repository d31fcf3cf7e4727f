package dev.lazarus.it.torture;

import dev.lazarus.it.AgentJvm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One workload in one sync mode on one data directory: {@code cycles} times start the app under
 * the agent, let it check what it recovered, kill it with {@code kill -9} at a chosen moment;
 * then a last start checks the last kill. The start of cycle N+1 is the restart of cycle N.
 */
final class Lane {
    static final String APP = "dev.lazarus.it.torture.app.TortureApp";
    static final int THREADS = 4;
    private static final Pattern VERDICT = Pattern.compile("VERDICT (ok|FAIL) workload=(\\S+) checked=(\\d+) lost=(\\d+) .*");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    final String workload;
    final String sync;
    private final Path work;
    private final Random random;
    private final int cycles;
    final Tally tally = new Tally();

    /** What a lane saw. */
    static final class Tally {
        int cycles;
        int failures;
        long checked;
        long lost;
        int[] kills = new int[KillMoment.values().length];
        /** Kills aimed at a snapshot or a roll that missed it (the moment did not come, or was over). */
        int missed;
        /** The longest recovery a start reported, in ms. */
        long maxRecoveryMs;
        final List<String> failureDetails = new ArrayList<>();
    }

    Lane(String workload, String sync, Path work, long seed, int cycles) {
        this.workload = workload;
        this.sync = sync;
        this.work = work;
        this.random = new Random(seed);
        this.cycles = cycles;
    }

    private Path dataDir() {
        return work.resolve("state");
    }

    private AgentJvm start() throws IOException {
        return AgentJvm.app(APP).dir(dataDir()).option("sync", sync).option("syncIntervalMs", "50")
                .option("snapshotInterval", "1s").option("snapshotLogBytes", "512k")
                .jvmArg("-Ddev.lazarus.rollCycle=TEST_SECONDLY")
                .args(workload, Integer.toString(THREADS), Long.toString(workload.hashCode() * 31L + sync.hashCode()),
                        work.resolve("acks.txt").toString())
                .start();
    }

    /** Runs the lane; returns normally even when a check failed (the tally says so). */
    void run() throws Exception {
        for (int cycle = 0; cycle <= cycles; cycle++) {
            KillMoment moment = cycle == cycles ? null : choose(cycle);
            try (AgentJvm jvm = start()) {
                if (moment == KillMoment.DURING_START) {
                    Thread.sleep(200 + random.nextInt(1500));
                    if (verdictLine(jvm) == null) {
                        kill(jvm);
                        tally.kills[moment.ordinal()]++;
                        tally.cycles++;
                        progress(cycle, moment);
                        continue;
                    }
                    moment = KillMoment.RANDOM; // the start was quicker: kill while it runs
                }
                String verdict = jvm.awaitLine(l -> l.startsWith("VERDICT") || l.startsWith("WORKER-FAILED"), START_TIMEOUT);
                if (!record(verdict, jvm, cycle)) {
                    return; // the directory stays as it is for a look
                }
                if (moment == null) {
                    kill(jvm);
                    return;
                }
                killAt(moment, jvm);
                tally.cycles++;
                progress(cycle, moment);
                if (jvm.out().stream().anyMatch(l -> l.startsWith("WORKER-FAILED"))) {
                    tally.failures++;
                    tally.failureDetails.add(this + " cycle " + cycle + ": a worker failed; " + jvm.describe());
                    return;
                }
            }
        }
    }

    /** One line per cycle, so that a long run shows where it is. */
    private void progress(int cycle, KillMoment moment) {
        System.out.println("[torture] " + this + " cycle " + (cycle + 1) + "/" + cycles + " killed " + moment
                + "; so far checked " + tally.checked + ", lost " + tally.lost + ", failures " + tally.failures
                + ", longest recovery " + tally.maxRecoveryMs + " ms");
    }

    private KillMoment choose(int cycle) {
        KillMoment[] first = {KillMoment.DURING_SNAPSHOT, KillMoment.DURING_ROLL, KillMoment.AFTER_SNAPSHOT,
                KillMoment.RANDOM};
        if (cycle < first.length) { // the first cycles of each lane: one of each aimed moment for sure
            return first[cycle];
        }
        int r = random.nextInt(100);
        return r < 10 ? KillMoment.DURING_START : r < 35 ? KillMoment.RANDOM : r < 60 ? KillMoment.DURING_SNAPSHOT
                : r < 80 ? KillMoment.DURING_ROLL : KillMoment.AFTER_SNAPSHOT;
    }

    private void killAt(KillMoment moment, AgentJvm jvm) throws Exception {
        try (KillMoment.WatchedFile watched = moment.watch(dataDir())) {
            if (watched == null) {
                Thread.sleep(50 + random.nextInt(3000));
                kill(jvm);
                tally.kills[moment.ordinal()]++;
                return;
            }
            Thread.sleep(random.nextInt(300)); // let some mutations happen first
            String name = watched.await(moment == KillMoment.AFTER_SNAPSHOT ? 60_000 : 5_000);
            if (name != null && moment == KillMoment.AFTER_SNAPSHOT) {
                Thread.sleep(random.nextInt(300));
            }
            kill(jvm);
            boolean hit = name != null && (moment != KillMoment.DURING_SNAPSHOT || watched.stillThere(name));
            if (hit) { // (a .tmp still there after the kill: the write was cut)
                tally.kills[moment.ordinal()]++;
            } else {
                tally.kills[KillMoment.RANDOM.ordinal()]++;
                tally.missed++;
            }
        }
    }

    /** SIGKILL straight from this JVM (what {@code kill -9} sends), without forking a {@code kill} process. */
    private static void kill(AgentJvm jvm) throws InterruptedException {
        ProcessHandle.of(jvm.pid()).ifPresent(ProcessHandle::destroyForcibly);
        jvm.awaitExit(Duration.ofSeconds(30));
    }

    private static String verdictLine(AgentJvm jvm) {
        return jvm.out().stream().filter(l -> l.startsWith("VERDICT")).findFirst().orElse(null);
    }

    private static final Pattern RECOVERED = Pattern.compile("Lazarus recovered .* in (\\d+) ms .*");

    /** Adds a verdict to the tally; false if it is a failure. */
    private boolean record(String verdict, AgentJvm jvm, int cycle) throws InterruptedException {
        for (String line : jvm.err()) {
            Matcher r = RECOVERED.matcher(line);
            if (r.find()) {
                tally.maxRecoveryMs = Math.max(tally.maxRecoveryMs, Long.parseLong(r.group(1)));
            }
        }
        Matcher m = VERDICT.matcher(verdict);
        if (!m.matches() || !m.group(1).equals("ok")) {
            tally.failures++;
            jvm.awaitExit(Duration.ofSeconds(30));
            tally.failureDetails.add(this + " start " + cycle + ": " + verdict + "\n" + jvm.describe());
            if (m.matches()) {
                tally.checked += Long.parseLong(m.group(3));
                tally.lost += Long.parseLong(m.group(4));
            }
            return false;
        }
        tally.checked += Long.parseLong(m.group(3));
        tally.lost += Long.parseLong(m.group(4));
        return true;
    }

    @Override
    public String toString() {
        return workload + "/sync=" + sync;
    }
}
