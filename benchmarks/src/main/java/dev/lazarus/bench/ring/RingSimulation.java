package dev.lazarus.bench.ring;

import dev.lazarus.internal.ring.HashRing;
import dev.lazarus.internal.ring.KeyHash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The ring's quality, simulated (no JVMs, no network): how evenly keys spread over the members, and how
 * many keys move when a member joins or leaves against the optimum (the joiner's fair share {@code K/(N+1)},
 * the leaver's {@code K/N}), for several virtual-node counts, with bounded loads, and for the baselines
 * jump consistent hash and rendezvous hashing. Keys are the hashes of {@code "user:<i>"}; members are named
 * like the cluster names them ({@code host:port}).
 */
final class RingSimulation {
    /** Extra clusters of 10 members (other addresses) whose spread is measured too, for the figure the default is chosen by. */
    static final int CLUSTERS_OF_10 = 20;
    static final int KEYS_PER_CLUSTER_OF_10 = 1_000_000;

    private final int[] virtualNodes;
    private final int[] memberCounts;
    private final double[] epsilons;
    private final int keys;
    private final long rendezvousBudget;
    private final int joins;
    private final int leaves;
    private final long[] arrival;
    private final long[] sorted;
    private final StringBuilder md = new StringBuilder();
    /** max/avg of 10 members, mean over the clusters, per virtual-node count: what the default is chosen by. */
    final Map<Integer, double[]> spreadAt10 = new HashMap<>();
    /** Keys moved ÷ optimum with the default virtual nodes, per member count: join mean, join worst, leave mean, leave worst, needless moves. */
    final Map<Integer, double[]> movesAtDefault = new HashMap<>();

    RingSimulation(int[] virtualNodes, int[] memberCounts, double[] epsilons, int keys, long rendezvousBudget, int joins, int leaves) {
        this.virtualNodes = virtualNodes;
        this.memberCounts = memberCounts;
        this.epsilons = epsilons;
        this.keys = keys;
        this.rendezvousBudget = rendezvousBudget;
        this.joins = joins;
        this.leaves = leaves;
        this.arrival = new long[keys];
        for (int i = 0; i < keys; i++) {
            arrival[i] = KeyHash.of("user:" + i);
        }
        this.sorted = arrival.clone();
        Arrays.sort(sorted); // the same keys; a sorted walk makes the ring's lookups cache-friendly
    }

    static List<String> cluster(int cluster, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add("10." + cluster + "." + (i / 250) + "." + (i % 250 + 1) + ":7800");
        }
        return names;
    }

    String run() {
        StringBuilder spread = new StringBuilder();
        StringBuilder moves = new StringBuilder();
        for (int v : virtualNodes) {
            measure(n -> new RingStrategy(HashRing.of(cluster(0, n), v)), v, joins, leaves, spread, moves);
        }
        for (double e : epsilons) {
            measure(n -> new BoundedStrategy(HashRing.of(cluster(0, n)), e), null, 1, 1, spread, moves);
        }
        measure(n -> new JumpHash(cluster(0, n)), null, joins, leaves, spread, moves);
        measure(n -> new Rendezvous(cluster(0, n)), -1, joins, leaves, spread, moves);

        md.append("\n## Spread of keys over the members\n\n");
        md.append("max/avg: the most loaded member's keys ÷ the mean; std/avg: the standard deviation of the members' keys ÷ the mean.")
                .append(" ").append(count(keys)).append(" keys (the hashes of `\"user:<i>\"`) unless the row says otherwise; members are named")
                .append(" `10.0.x.y:7800`. The last column repeats the 10-member case on ").append(CLUSTERS_OF_10)
                .append(" clusters with other addresses (`10.c.x.y:7800`, ").append(count(KEYS_PER_CLUSTER_OF_10))
                .append(" keys each): the mean and the worst max/avg. The last row is the floor any placement has from")
                .append(" sampling alone (uniform random placement of the same number of keys: std/avg = √((N−1)/K)); rendezvous")
                .append(" hashing weighs every member for every key, so its keys are capped at ").append(count(rendezvousBudget))
                .append(" ÷ members, and its spread at 1,000 members is mostly that sampling noise.\n\n");
        md.append("| placement |");
        for (int n : memberCounts) {
            md.append(" ").append(n).append(" members: max/avg | std/avg |");
        }
        md.append(" 10 members, ").append(CLUSTERS_OF_10).append(" clusters: max/avg mean / worst |\n|---|");
        md.append("---:|---:|".repeat(memberCounts.length)).append("---:|\n");
        md.append(spread);
        md.append("| uniform random placement, ").append(count(keys)).append(" keys (sampling floor) |");
        for (int n : memberCounts) {
            md.append(" | ").append(f3(Math.sqrt((n - 1.0) / keys))).append(" |");
        }
        md.append(" |\n");

        md.append("\n## Keys moved when a member joins or leaves\n\n");
        md.append("moved ÷ optimum: the keys whose owner changed ÷ the least that must move (").append(joins)
                .append(" joins of a new member: its fair share K/(N+1); ").append(leaves)
                .append(" leaves of a member picked at random: its fair share K/N; bounded loads: 1 of each); mean and worst of the events.")
                .append(" For the ring this is the joiner's or leaver's share of the keys, so it varies with the spread.")
                .append(" needless: keys that moved between two members that both stayed, over all the events (0 is the ideal).")
                .append(" Jump hash can only lose its last bucket, so its leave is that one.\n\n");
        md.append("| placement | members | keys | join: moved ÷ optimum, mean / worst | leave: moved ÷ optimum, mean / worst | needless moves |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        md.append(moves);
        return md.toString();
    }

    /**
     * One placement at every member count: its spread (one row of the first table, with the 10-member clusters
     * when {@code clustersFor} is a virtual-node count, or -1 for rendezvous), and the keys moved by joins and
     * leaves (a row per member count of the second table).
     */
    private void measure(Function<Integer, Strategy> make, Integer clustersFor, int joinEvents, int leaveEvents,
                         StringBuilder spreadRows, StringBuilder moveRows) {
        String label = null;
        StringBuilder row = new StringBuilder();
        for (int n : memberCounts) {
            Strategy s = make.apply(n);
            label = s.label();
            long[] ks = keysOf(s, n);
            String[] before = s.place(ks);
            double[] st = spread(before, s.members());
            row.append(' ').append(f3(st[0])).append(ks.length < keys ? " (" + count(ks.length) + " keys)" : "")
                    .append(" | ").append(f3(st[1])).append(" |");
            moveRows.append(movement(s, n, ks, before, joinEvents, leaveEvents));
            log(label + ", " + n + " members: max/avg " + f3(st[0]));
        }
        if (clustersFor == null) {
            row.append(" |");
        } else {
            long[] ks = Arrays.copyOf(arrival, Math.min(keys, KEYS_PER_CLUSTER_OF_10));
            Arrays.sort(ks);
            double sum = 0;
            double worst = 0;
            for (int c = 1; c <= CLUSTERS_OF_10; c++) {
                List<String> names = cluster(c, 10);
                Strategy s = clustersFor > 0 ? new RingStrategy(HashRing.of(names, clustersFor)) : new Rendezvous(names);
                double m = spread(s.place(ks), names)[0];
                sum += m;
                worst = Math.max(worst, m);
            }
            double mean = sum / CLUSTERS_OF_10;
            if (clustersFor > 0) {
                spreadAt10.put(clustersFor, new double[] {mean, worst});
            }
            row.append(' ').append(f3(mean)).append(" / ").append(f3(worst)).append(" |");
        }
        spreadRows.append("| ").append(label).append(" |").append(row).append('\n');
    }

    /** {max/avg, std/avg} of the members' loads. */
    static double[] spread(String[] owners, List<String> members) {
        Map<String, long[]> load = new HashMap<>();
        for (String m : members) {
            load.put(m, new long[1]);
        }
        for (String o : owners) {
            load.get(o)[0]++;
        }
        double avg = (double) owners.length / members.size();
        double max = 0;
        double sq = 0;
        for (long[] c : load.values()) {
            max = Math.max(max, c[0]);
            sq += (c[0] - avg) * (c[0] - avg);
        }
        return new double[] {max / avg, Math.sqrt(sq / members.size()) / avg};
    }

    // ------------------------------------------------------------------ movement

    private String movement(Strategy s, int n, long[] ks, String[] before, int joinEvents, int leaveEvents) {
        SplittableRandom random = new SplittableRandom(n);
        double[] join = new double[joinEvents];
        long needless = 0;
        for (int j = 0; j < joinEvents; j++) {
            String joiner = "10.200." + (j / 250) + "." + (j % 250 + 1) + ":7800";
            String[] after = s.join(joiner).place(ks);
            long moved = 0;
            for (int k = 0; k < ks.length; k++) {
                if (!before[k].equals(after[k])) {
                    moved++;
                    if (!after[k].equals(joiner)) {
                        needless++;
                    }
                }
            }
            join[j] = moved / ((double) ks.length / (n + 1));
        }
        double[] leave = new double[leaveEvents];
        for (int l = 0; l < leaveEvents; l++) {
            String leaver = s.pickLeaver(random);
            String[] after = s.leave(leaver).place(ks);
            long moved = 0;
            for (int k = 0; k < ks.length; k++) {
                if (!before[k].equals(after[k])) {
                    moved++;
                    if (!before[k].equals(leaver)) {
                        needless++;
                    }
                }
            }
            leave[l] = moved / ((double) ks.length / n);
        }
        if (s instanceof RingStrategy r && r.virtualNodes() == HashRing.DEFAULT_VIRTUAL_NODES) {
            movesAtDefault.put(n, new double[] {mean(join), max(join), mean(leave), max(leave), needless});
        }
        log(s.label() + ", " + n + " members: join " + meanWorst(join) + ", leave " + meanWorst(leave) + ", needless " + needless);
        return "| " + s.label() + " | " + n + " | " + count(ks.length) + " | " + meanWorst(join) + " | " + meanWorst(leave)
                + " | " + count(needless) + " |\n";
    }

    // ------------------------------------------------------------------ helpers

    /** The keys of a placement: rendezvous weighs every member per key, so its keys × members stay within a budget. */
    private long[] keysOf(Strategy s, int n) {
        int k = s instanceof Rendezvous ? (int) Math.min(keys, rendezvousBudget / n) : keys;
        if (s.orderMatters()) {
            return k == keys ? arrival : Arrays.copyOf(arrival, k);
        }
        if (k == keys) {
            return sorted;
        }
        long[] some = Arrays.copyOf(arrival, k);
        Arrays.sort(some);
        return some;
    }

    private static String meanWorst(double[] v) {
        return f3(mean(v)) + " / " + f3(max(v));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    static String f3(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static void log(String s) {
        System.err.printf("[%tT] %s%n", System.currentTimeMillis(), s);
    }
}
