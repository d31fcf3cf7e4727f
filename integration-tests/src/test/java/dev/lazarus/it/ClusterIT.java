package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster of real JVMs on 127.0.0.1 sharing one {@code @Distributed} map (replicas=2): a writer
 * puts K keys and records which puts were acknowledged; one other member is killed with
 * {@code kill -9} while the puts go on; every acknowledged key must stay readable; the member
 * restarts on its own data directory, rejoins, catches up (including removals made while it was
 * away) and the ring ends balanced; a fourth member joins and receives its share, measured.
 */
class ClusterIT {
    private static final String MAIN = "dev.lazarus.it.apps.cluster.Member";
    private static final Pattern SETTLED = Pattern.compile(
            ".*settled in \\d+ ms; \\S+ stores (\\d+) entries here, (\\d+) as primary; received (\\d+) from other members since joining");
    /** The first line of a java.util.logging record: date, time, class and method (stack traces are not). */
    private static final Pattern JUL_HEADER = Pattern.compile("[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M \\S+ \\S+");
    private static final int K = 3000;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void acknowledgedPutsSurviveKill9AndTheMemberRejoins() throws Exception {
        Path work = AgentJvm.workDir("cluster");
        List<String> binds = freeBinds(4);
        String members = String.join(",", binds);
        Random random = new Random();
        List<AgentJvm> jvms = new ArrayList<>();
        try {
            startSettled(jvms, work, binds, members, 3);
            AgentJvm writer = jvms.get(0);
            assertThat(writer.awaitLine(l -> l.startsWith("JGROUPS"), WAIT)).as("JGroups stays inside the agent")
                    .isEqualTo("JGROUPS hidden");
            writer.send("put 0 " + K);
            writer.awaitCount(l -> l.startsWith("ACK "), K / 3, WAIT);
            int victimIndex = 1 + random.nextInt(2);
            AgentJvm victim = jvms.get(victimIndex);
            victim.kill9();
            String done = writer.awaitLine(l -> l.startsWith("PUT_DONE"), WAIT);
            Set<String> acked = new HashSet<>();
            for (String l : writer.out()) {
                if (l.startsWith("ACK ")) {
                    acked.add(l.substring(4));
                }
            }
            AgentJvm survivor = jvms.get(3 - victimIndex);
            assertThat(missingAcked(survivor, acked)).as("acknowledged keys missing on the survivor after the kill").isEmpty();

            // removals while the victim is away must reach it too
            writer.awaitErrLine(0, l -> l.contains("view of 2 members"), WAIT);
            int from = writer.outSize();
            writer.send("remove 0 100");
            writer.awaitLine(from, l -> l.startsWith("REMOVED"), WAIT);
            acked.removeIf(k -> Integer.parseInt(k.substring(1)) < 100);

            int[] errBefore = new int[3];
            for (int i = 0; i < 3; i++) {
                errBefore[i] = i == victimIndex ? 0 : jvms.get(i).errSize();
            }
            AgentJvm restarted = member(work, binds, members, victimIndex);
            jvms.set(victimIndex, restarted);
            int[] primaries = new int[3];
            long[] receivedBefore = new long[3];
            for (int i = 0; i < 3; i++) {
                Matcher m = awaitSettled(jvms.get(i), errBefore[i], 3);
                primaries[i] = Integer.parseInt(m.group(2));
                receivedBefore[i] = Long.parseLong(m.group(3));
            }
            assertThat(missingAcked(restarted, acked)).as("acknowledged keys missing on the restarted member").isEmpty();
            from = restarted.outSize();
            restarted.send("check 0 100");
            assertThat(restarted.awaitLine(from, l -> l.startsWith("CHECKED"), WAIT))
                    .as("keys removed while the member was away are gone there too").isEqualTo("CHECKED 100");
            int live = primaries[0] + primaries[1] + primaries[2];
            assertThat(live).as("every live key has one primary").isGreaterThanOrEqualTo(acked.size());
            double avg = live / 3.0;
            for (int p : primaries) {
                assertThat(p / avg).as("ring balanced after the rejoin: primaries %s", java.util.Arrays.toString(primaries))
                        .isBetween(0.75, 1.25);
            }

            for (int i = 0; i < 3; i++) {
                errBefore[i] = jvms.get(i).errSize();
            }
            AgentJvm joiner = member(work, binds, members, 3);
            jvms.add(joiner);
            Matcher j = awaitSettled(joiner, 0, 4);
            for (int i = 0; i < 3; i++) {
                // a join makes only the newcomer a new owner: nothing moves between the others
                assertThat(Long.parseLong(awaitSettled(jvms.get(i), errBefore[i], 4).group(3)))
                        .as("entries member %d received when the 4th joined; %s", i, clusterLines(jvms)).isEqualTo(receivedBefore[i]);
            }
            int joinerPrimaries = Integer.parseInt(j.group(2));
            int received = Integer.parseInt(j.group(3));
            System.out.printf("cluster kill test: %d keys put, %s, %d acknowledged, 0 lost; after the rejoin primaries %s;"
                            + " a 4th member joined and received %d entries (%d as primary) for K/N = %d live/4, R*K/N = %d%n",
                    K, done, acked.size() + 100, java.util.Arrays.toString(primaries), received, joinerPrimaries,
                    live / 4, 2 * live / 4);
            assertThat((double) joinerPrimaries / (live / 4.0)).as("joiner's primary keys vs K/N").isBetween(0.7, 1.3);
            assertThat((double) received / (2 * live / 4.0)).as("entries sent to the joiner vs replicas*K/N").isBetween(0.7, 1.3);
            assertThat(missingAcked(joiner, acked)).as("acknowledged keys read through the joiner").isEmpty();
            for (AgentJvm jvm : jvms) {
                assertThat(jgroupsChatter(jvm)).as("JGroups prints no banner and logs only warnings and errors; %s",
                        jvm.describe()).isEmpty();
            }
        } finally {
            jvms.forEach(AgentJvm::close);
        }
    }

    /**
     * A split on one machine: a member stopped with SIGSTOP (alive, its connections open, silent)
     * is dropped from the view; the other two go on acknowledging puts and removals; after SIGCONT
     * MERGE3 merges the views and the member gets every change it missed.
     */
    @Test
    void aStoppedMemberIsDroppedAndMergedBackWithWhatChangedMeanwhile() throws Exception {
        Path work = AgentJvm.workDir("cluster-split");
        List<String> binds = freeBinds(3);
        String members = String.join(",", binds);
        List<AgentJvm> jvms = new ArrayList<>();
        try {
            startSettled(jvms, work, binds, members, 3);
            AgentJvm writer = jvms.get(0);
            AgentJvm stopped = jvms.get(2);
            int half = K / 2;
            writer.send("put 0 " + half);
            assertThat(writer.awaitLine(l -> l.startsWith("PUT_DONE"), WAIT)).isEqualTo("PUT_DONE " + half + " 0");

            int errWriter = writer.errSize();
            signal(stopped, "STOP");
            writer.awaitErrLine(errWriter, l -> l.contains("view of 2 members"), WAIT);
            int from = writer.outSize();
            writer.send("put " + half + " " + K);
            assertThat(writer.awaitLine(from, l -> l.startsWith("PUT_DONE"), WAIT)).as("the two members go on alone")
                    .isEqualTo("PUT_DONE " + (K - half) + " 0");
            from = writer.outSize();
            writer.send("remove 0 100");
            assertThat(writer.awaitLine(from, l -> l.startsWith("REMOVED"), WAIT)).isEqualTo("REMOVED 100");

            int[] errBefore = new int[3];
            for (int i = 0; i < 3; i++) {
                errBefore[i] = jvms.get(i).errSize();
            }
            signal(stopped, "CONT");
            for (int i = 0; i < 3; i++) {
                awaitSettled(jvms.get(i), errBefore[i], 3);
            }
            Set<String> acked = new HashSet<>();
            for (int i = 100; i < K; i++) {
                acked.add("k" + i);
            }
            assertThat(missingAcked(stopped, acked)).as("puts made while the member was stopped, read there; %s",
                    clusterLines(jvms)).isEmpty();
            from = stopped.outSize();
            stopped.send("check 0 100");
            assertThat(stopped.awaitLine(from, l -> l.startsWith("CHECKED"), WAIT))
                    .as("removals made while it was stopped are seen there").isEqualTo("CHECKED 100");
            from = stopped.outSize();
            stopped.send("size");
            assertThat(stopped.awaitLine(from, l -> l.startsWith("SIZE"), WAIT)).isEqualTo("SIZE " + (K - 100));
            System.out.printf("cluster split test: member stopped for the puts of k%d..k%d and 100 removals;"
                    + " after the merge it reads all %d live keys and none of the removed%n", half, K - 1, K - 100);
        } finally {
            jvms.forEach(AgentJvm::close);
        }
    }

    private static void signal(AgentJvm jvm, String signal) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(jvm.pid())).inheritIO().start();
        assertThat(p.waitFor()).as("kill -%s %d", signal, jvm.pid()).isZero();
    }

    @Test
    void withoutClusterOptionsADistributedMapIsAnOrdinaryDurableMap() throws Exception {
        Path dir = AgentJvm.workDir("distributed-local");
        try (AgentJvm first = AgentJvm.app(MAIN).dir(dir).start()) {
            assertThat(first.awaitLine(l -> l.startsWith("READY"), WAIT)).isEqualTo("READY TrackedHashMap");
            first.send("put 0 300");
            first.awaitLine(l -> l.startsWith("PUT_DONE"), WAIT);
            first.send("remove 0 10");
            first.awaitLine(l -> l.startsWith("REMOVED"), WAIT);
            first.kill9();
        }
        try (AgentJvm second = AgentJvm.app(MAIN).dir(dir).start()) {
            second.awaitLine(l -> l.startsWith("READY"), WAIT);
            second.send("check 10 300");
            assertThat(second.awaitLine(l -> l.startsWith("CHECKED"), WAIT)).isEqualTo("CHECKED 0");
            int from = second.outSize();
            second.send("size");
            assertThat(second.awaitLine(from, l -> l.startsWith("SIZE"), WAIT)).isEqualTo("SIZE 290");
        }
    }

    /** The view and rebalance lines of every member, for failure messages. */
    private static String clusterLines(List<AgentJvm> jvms) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < jvms.size(); i++) {
            for (String l : jvms.get(i).err()) {
                if (l.contains("view of") || l.contains("settled") || l.startsWith("WARNING")) {
                    b.append("\n  member ").append(i).append(": ").append(l);
                }
            }
        }
        return b.toString();
    }

    /** Lines that JGroups printed below WARNING (a java.util.logging record is a header line, then LEVEL: message). */
    private static List<String> jgroupsChatter(AgentJvm jvm) {
        List<String> chatter = new ArrayList<>();
        List<String> err = jvm.err();
        for (int i = 0; i + 1 < err.size(); i++) {
            boolean jgroupsRecord = JUL_HEADER.matcher(err.get(i)).matches() && err.get(i).contains(" org.jgroups.");
            if (jgroupsRecord && !err.get(i + 1).startsWith("WARNING:") && !err.get(i + 1).startsWith("SEVERE:")) {
                chatter.add(err.get(i) + " / " + err.get(i + 1));
            }
        }
        for (String l : jvm.out()) {
            if (!l.matches("(READY|JGROUPS|ACK|FAIL|PUT_DONE|CHECKED|MISSING|REMOVED|SIZE|ERROR)( .*)?")) {
                chatter.add(l);
            }
        }
        return chatter;
    }

    /** Starts members {@code 0..n-1} into {@code jvms} and waits until each has settled in a view of {@code n}. */
    private static void startSettled(List<AgentJvm> jvms, Path work, List<String> binds, String members, int n)
            throws IOException, InterruptedException {
        for (int i = 0; i < n; i++) {
            jvms.add(member(work, binds, members, i));
        }
        for (AgentJvm j : jvms) {
            awaitSettled(j, 0, n);
        }
    }

    private static AgentJvm member(Path work, List<String> binds, String members, int i) throws IOException {
        return AgentJvm.app(MAIN).dir(work.resolve("m" + i)).option("cluster", "it").option("bind", binds.get(i))
                .option("members", members).start();
    }

    /** Waits for this member's first "settled" line after a view of {@code size} members. */
    private static Matcher awaitSettled(AgentJvm jvm, int fromErr, int size) throws InterruptedException {
        String view = "view of " + size + " members";
        jvm.awaitErrLine(fromErr, l -> l.contains(view), WAIT);
        int at = indexOf(jvm.err(), fromErr, view);
        String line = jvm.awaitErrLine(at, l -> SETTLED.matcher(l).matches(), WAIT);
        Matcher m = SETTLED.matcher(line);
        assertThat(m.matches()).isTrue();
        return m;
    }

    private static int indexOf(List<String> lines, int from, String text) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return lines.size();
    }

    /** Acknowledged keys that {@code jvm} cannot read back with their value. */
    private static List<String> missingAcked(AgentJvm jvm, Set<String> acked) throws Exception {
        int from = jvm.outSize();
        jvm.send("check 0 " + K);
        assertThat(jvm.awaitLine(from, l -> l.startsWith("CHECKED") || l.startsWith("ERROR"), WAIT)).startsWith("CHECKED");
        List<String> missing = new ArrayList<>();
        List<String> out = jvm.out();
        for (String l : out.subList(from, out.size())) {
            if (l.startsWith("MISSING ") && acked.contains(l.split(" ")[1])) {
                missing.add(l);
            }
        }
        return missing;
    }

    static List<String> freeBinds(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        List<String> binds = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
                sockets.add(s);
                binds.add("127.0.0.1:" + s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
        return binds;
    }
}
