package dev.lazarus.it.torture;

import dev.lazarus.it.AgentJvm;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash torture (issue 5): two workloads ({@code bank}: transfers under four kinds of locking;
 * {@code graph}: collections, arrays, shared references and cycles) in the three sync modes, each
 * on its own data directory, started under the agent, killed with {@code kill -9} at random
 * moments, during snapshot writes and during log rolls, and restarted; each start checks the
 * recovered state exactly against the steps the previous run acknowledged (see
 * {@code dev.lazarus.it.torture.app.TortureApp}).
 *
 * <p>{@code -Dtorture.cycles=N} sets the total number of kills (the {@code torture} profile: 1,000;
 * the normal build: 24, four per lane), {@code -Dtorture.parallel=P} how many lanes run at once.
 * The summary is printed and written to {@code target/torture-summary.md}.
 */
class TortureIT {
    private static final String[] WORKLOADS = {"bank", "graph"};
    private static final String[] SYNC_MODES = {"none", "interval", "always"};

    @Test
    void everyAcknowledgedChangeSurvivesKill9_atRandomMoments_duringSnapshots_andDuringRolls() throws Exception {
        int total = Integer.getInteger("torture.cycles", 24);
        int parallel = Integer.getInteger("torture.parallel", 2);
        long seed = Long.getLong("torture.seed", System.nanoTime());
        int lanesCount = WORKLOADS.length * SYNC_MODES.length;
        int perLane = Math.max(1, (total + lanesCount - 1) / lanesCount);
        Path work = AgentJvm.workDir("torture");

        List<Lane> lanes = new ArrayList<>();
        int i = 0;
        for (String workload : WORKLOADS) {
            for (String sync : SYNC_MODES) {
                lanes.add(new Lane(workload, sync, work.resolve(workload + "-" + sync), seed + i++, perLane));
            }
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Lane lane : lanes) {
                running.add(pool.submit(() -> {
                    lane.run();
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

        String summary = TortureSummary.of(lanes, seed, seconds, work);
        System.out.println(summary);
        Path out = Path.of(System.getProperty("lazarus.work", "target/it-work")).getParent().resolve("torture-summary.md");
        Files.writeString(out, summary);

        List<String> details = lanes.stream().flatMap(l -> l.tally.failureDetails.stream()).toList();
        assertThat(details).as("failed checks (seed %d)", seed).isEmpty();
        assertThat(lanes).as("every lane ran its cycles").allSatisfy(l -> assertThat(l.tally.cycles).isEqualTo(perLane));
        assertThat(lanes.stream().mapToLong(l -> l.tally.lost).sum()).as("acknowledged changes lost").isZero();
        assertThat(lanes.stream().mapToLong(l -> l.tally.checked).sum()).as("acknowledged changes checked").isPositive();
        assertThat(lanes.stream().mapToInt(l -> l.tally.kills[KillMoment.DURING_SNAPSHOT.ordinal()]).sum())
                .as("kills that cut a snapshot write").isPositive();
        assertThat(lanes.stream().mapToInt(l -> l.tally.kills[KillMoment.DURING_ROLL.ordinal()]).sum())
                .as("kills as the log rolled").isPositive();
    }
}
