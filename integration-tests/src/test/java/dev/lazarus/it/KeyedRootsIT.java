package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instance roots (DESIGN §2) across kill -9: several live instances of a class with a keyed root
 * ({@code @Durable(key = "name")}), created in varying order, some absent from a run, new ones added,
 * each get their own state back; a second live instance assigning an unkeyed instance root is refused
 * with the named error and takes nothing from the first.
 *
 * <p>The app prints {@code ACK name n} after each step returned, so at each kill one step (of one
 * shard) may have committed unacknowledged: exactly that is allowed.
 */
class KeyedRootsIT {
    private static final String MAIN = "dev.lazarus.it.apps.keyed.ShardsApp";
    private static final String REGISTRY = "dev.lazarus.it.apps.keyed.Registry";

    /** What a run printed: each shard's state as it got it back ({@code HAS}), and its last acknowledged count. */
    private record Run(Map<String, String> has, Map<String, Long> acked, List<String> out, String description) {
        long count(String name) {
            return Long.parseLong(has.get(name).split(" ")[0]);
        }
    }

    private static Run parse(AgentJvm jvm) {
        Map<String, String> has = new LinkedHashMap<>();
        Map<String, Long> acked = new HashMap<>();
        for (String l : jvm.out()) {
            String[] w = l.split(" ", 3);
            if (w[0].equals("HAS")) {
                has.put(w[1], w[2]);
            } else if (w[0].equals("ACK")) {
                acked.put(w[1], Long.parseLong(w[2]));
            }
        }
        return new Run(has, acked, jvm.out(), jvm.describe());
    }

    private static Run killed(Path dir, String... args) throws Exception {
        try (AgentJvm jvm = AgentJvm.app(MAIN).dir(dir).args(args).start()) {
            jvm.awaitLine("READY"::equals, Crash.TIMEOUT);
            jvm.kill9();
            return parse(jvm);
        }
    }

    private static Run exited(Path dir, String... args) throws Exception {
        try (AgentJvm jvm = AgentJvm.app(MAIN).dir(dir).args(args).start()) {
            assertThat(jvm.awaitExit(Crash.TIMEOUT)).as(jvm.describe()).isZero();
            return parse(jvm);
        }
    }

    /**
     * The shards recovered after one kill: each has its own entries ({@code mine=true}), at least what
     * was acknowledged and at most one step more, and only one shard can have had a step in flight.
     * {@code recovered} maps each shard to the run that got it back (shards absent from one run are
     * checked in a later one).
     */
    private static void assertRecovered(Run killed, Map<String, Run> recovered) {
        long inFlight = 0;
        for (Map.Entry<String, Run> e : recovered.entrySet()) {
            String name = e.getKey();
            Run run = e.getValue();
            assertThat(run.has().get(name)).as("%s got its own entries back\n%s", name, run.description()).contains("mine=true");
            long acked = killed.acked().get(name);
            Crash.assertAcknowledged(run.count(name), acked, "shard " + name);
            inFlight += run.count(name) - acked;
        }
        assertThat(inFlight).as("one step at most was in flight at the kill: %s", recovered.keySet()).isLessThanOrEqualTo(1);
    }

    @Test
    void keyedInstancesInAnyOrder_someAbsent_newOnesAdded_eachGetsItsOwnStateBack() throws Exception {
        Path dir = AgentJvm.workDir("keyed-roots");
        Run first = killed(dir, "shards", "a,b,c");
        assertThat(first.has()).as(first.description()).containsExactly(
                Map.entry("a", "0 size=0 mine=true"), Map.entry("b", "0 size=0 mine=true"), Map.entry("c", "0 size=0 mine=true"));

        // another order, b absent, d new; a snapshot, so that b must survive it without its instance
        Run second = killed(dir, "shards", "c,a,d", "checkpoint");
        assertThat(second.out()).as(second.description()).contains("CHECKPOINT");
        assertThat(second.has().get("d")).isEqualTo("0 size=0 mine=true");

        Run third = killed(dir, "shards", "b,d,a,c,e");
        assertRecovered(first, Map.of("a", second, "c", second, "b", third));
        assertThat(third.has().get("e")).isEqualTo("0 size=0 mine=true");

        Run check = exited(dir, "shards", "e,c,b,a,d", "exit");
        assertRecovered(third, Map.of("a", check, "b", check, "c", check, "d", check, "e", check));
        assertRecovered(second, Map.of("d", third));
    }

    @Test
    void aSecondLiveInstanceOfAnUnkeyedInstanceRootIsRefusedNamingTheFix_andTheFirstKeepsItsState() throws Exception {
        Path dir = AgentJvm.workDir("unkeyed-second-instance");
        Run first;
        try (AgentJvm jvm = AgentJvm.app(MAIN).dir(dir).args("registry").start()) {
            jvm.awaitLine("READY"::equals, Crash.TIMEOUT);
            jvm.kill9();
            first = parse(jvm);
            assertThat(String.join("\n", jvm.err())).as("logged too, in case the app swallows it")
                    .contains("second live instance of " + REGISTRY);
        }
        assertThat(first.out()).as(first.description()).noneMatch(l -> l.startsWith("ACCEPTED"))
                .anyMatch(l -> l.startsWith("REFUSED Lazarus: root " + REGISTRY + ".journal is an instance field")
                        && l.contains("@Durable(key = \"keyField\")") && l.contains("roots=" + REGISTRY + ".journal[keyField]"));
        assertThat(first.has().get("first")).isEqualTo("1 size=1 mine=true");

        Run check = exited(dir, "registry-check");
        assertThat(check.has().get("first")).as(check.description()).contains("mine=true");
        Crash.assertAcknowledged(check.count("first"), first.acked().get("first"), "the first registry");
    }
}
