package dev.lazarus.it.torture;

import java.nio.file.Path;
import java.util.List;

/** The torture run's figures as a Markdown table: per lane and in total. */
final class TortureSummary {
    private TortureSummary() {
    }

    static String of(List<Lane> lanes, long seed, long seconds, Path work) {
        StringBuilder b = new StringBuilder();
        b.append("| workload | sync | cycles | failures | acknowledged changes checked | changes lost | kills during"
                + " snapshot write | kills during log roll | kills right after a snapshot | kills during start | kills at a random moment | longest recovery (ms) |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Lane.Tally sum = new Lane.Tally();
        for (Lane lane : lanes) {
            row(b, lane.workload, lane.sync, lane.tally);
            sum.cycles += lane.tally.cycles;
            sum.failures += lane.tally.failures;
            sum.checked += lane.tally.checked;
            sum.lost += lane.tally.lost;
            sum.missed += lane.tally.missed;
            sum.maxRecoveryMs = Math.max(sum.maxRecoveryMs, lane.tally.maxRecoveryMs);
            for (int i = 0; i < sum.kills.length; i++) {
                sum.kills[i] += lane.tally.kills[i];
            }
        }
        row(b, "**total**", "", sum);
        b.append("\n").append(sum.cycles).append(" cycles in ").append(seconds).append(" s, seed ").append(seed)
                .append("; ").append(sum.missed).append(" kills aimed at a snapshot or a roll missed it and count as random;"
                        + " data directories under ").append(work).append('\n');
        return b.toString();
    }

    private static void row(StringBuilder b, String workload, String sync, Lane.Tally t) {
        b.append("| ").append(workload).append(" | ").append(sync).append(" | ").append(t.cycles).append(" | ")
                .append(t.failures).append(" | ").append(t.checked).append(" | ").append(t.lost).append(" | ")
                .append(t.kills[KillMoment.DURING_SNAPSHOT.ordinal()]).append(" | ")
                .append(t.kills[KillMoment.DURING_ROLL.ordinal()]).append(" | ")
                .append(t.kills[KillMoment.AFTER_SNAPSHOT.ordinal()]).append(" | ")
                .append(t.kills[KillMoment.DURING_START.ordinal()]).append(" | ")
                .append(t.kills[KillMoment.RANDOM.ordinal()]).append(" | ").append(t.maxRecoveryMs).append(" |\n");
    }
}
