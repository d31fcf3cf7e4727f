package dev.lazarus.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lazarus.it.Crash.app;
import static dev.lazarus.it.Crash.assertRecovered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One crash-and-restart test per row of the capture table (DESIGN §2): an app under the agent
 * builds and changes state, prints it and READY; the test kills it with {@code kill -9}, starts it
 * again on the same directory in check mode, and compares what it recovered with what it had.
 */
class CaptureIT {
    private static final String APPS = "dev.lazarus.it.apps.";

    /** Build, kill -9, check; the built state must differ from a fresh one, line by line when asked. */
    private static void crashAndCheck(String row, String main, boolean everyLineChanges) throws Exception {
        Path dir = AgentJvm.workDir(row);
        Crash.Run built = Crash.runAndKill(app(main, dir, "build"));
        assertThat(built.state()).as("%s: the mutations change the state; %s", row, built.description())
                .isNotEqualTo(built.fresh());
        if (everyLineChanges) {
            assertThat(built.state()).hasSameSizeAs(built.fresh());
            for (int i = 0; i < built.state().size(); i++) {
                assertThat(built.state().get(i)).as("%s: the scenario writes a value that differs from the initial one", row)
                        .isNotEqualTo(built.fresh().get(i));
            }
        }
        Crash.Run checked = Crash.check(app(main, dir, "check"));
        assertRecovered(row, built.state(), checked);
    }

    @Test
    void valuesOfEveryKind_primitivesStringsBoxedNullEnumsBigNumbersTimeUuidRecords() throws Exception {
        crashAndCheck("values", APPS + "values.ValuesApp", true);
    }

    @Test
    void fieldWritesFromOtherClasses_lambdaAnonymousNestedThreadCompoundAndSubclass() throws Exception {
        crashAndCheck("outside-writes", APPS + "values.OutsideApp", true);
    }

    @Test
    void referencesBetweenTrackedObjects_sharingAndCyclesKeepIdentity() throws Exception {
        crashAndCheck("references", APPS + "graph.GraphApp", false);
    }

    @Test
    void objectsAttachedLater_andDetachedChangedReattached_comeBackWhole() throws Exception {
        crashAndCheck("reachability", APPS + "reach.ReachApp", false);
    }

    @Test
    void arraysHeldByTrackedFields_elementWritesArraycopyFillSort() throws Exception {
        crashAndCheck("arrays", APPS + "arrays.ArraysApp", false);
    }

    @Test
    void arrayWrittenThroughAnAliasIsPublishedByReassigningItsField() throws Exception {
        crashAndCheck("array-alias", APPS + "arrays.AliasApp", true);
    }

    @Test
    void arrayWrittenThroughItsArraysAsListView_setReverseSortReplaceAllIterator() throws Exception {
        crashAndCheck("array-aslist", APPS + "arrays.AsListApp", true);
    }

    @Test
    void arrayFilledByJdkMethods_nextBytesReadFullyGetCharsReaderNioGetsToArray() throws Exception {
        crashAndCheck("array-fillers", APPS + "arrays.FillersApp", true);
    }

    @Test
    void writesByReflection_fieldSetOfEveryKindSuperclassFieldAttachAndARootAssignedByReflection() throws Exception {
        crashAndCheck("reflection", APPS + "reflect.ReflectApp", true);
    }

    /**
     * Three runs: build and kill; recover, check, change more (the recovered collections must still
     * be tracked) and kill; recover and check again. Contents, order and comparators must match.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ArrayList", "LinkedList", "ArrayDeque", "HashMap", "LinkedHashMap", "TreeMap", "TreeSet",
            "HashSet", "LinkedHashSet", "ConcurrentHashMap"})
    void collection(String type) throws Exception {
        buildContinueCheck(type, APPS + "colls.CollApp", "coll-" + type, type);
    }

    /**
     * User subclasses of JDK collections, created in a tracked class or annotated: anonymous LRU maps
     * (bound in the outer object, bound in a captured local) and a named one whose evictions write its
     * own fields, a list whose add calls super.add, a @Durable TreeMap subclass with a comparator and
     * fields. Evictions, their order and the subclasses' fields must come back, and stay tracked.
     */
    @Test
    void collectionSubclasses_lruEvictionsOwnFieldsAndSuperCalls() throws Exception {
        buildContinueCheck("subclasses", APPS + "subclass.SubclassApp", "subclasses");
    }

    /** Three runs: build and kill; recover, check, change more and kill; recover and check again. */
    private static void buildContinueCheck(String type, String main, String workDir, String... before) throws Exception {
        Path dir = AgentJvm.workDir(workDir);
        Crash.Run built = Crash.runAndKill(app(main, dir, withMode(before, "build")));
        assertThat(built.state()).as("%s: the mutations change the state; %s", type, built.description())
                .isNotEqualTo(built.fresh());

        Crash.Run continued = Crash.runAndKill(app(main, dir, withMode(before, "continue")));
        assertThat(continued.err()).as("second run recovered; %s", continued.description())
                .anyMatch(l -> l.contains("Lazarus recovered"));
        assertRecovered(type + " after the first crash", built.state(), continued);
        assertThat(continued.state2()).hasSameSizeAs(continued.state());
        for (int i = 0; i < continued.state().size(); i++) {
            if (continued.state().get(i).startsWith("Holder.")) {
                assertThat(continued.state2().get(i)).as("%s: phase 2 changes every collection; %s", type,
                        continued.description()).isNotEqualTo(continued.state().get(i));
            }
        }

        Crash.Run checked = Crash.check(app(main, dir, withMode(before, "check")));
        assertRecovered(type + " after changes made to the recovered collections and a second crash",
                continued.state2(), checked);
    }

    private static String[] withMode(String[] before, String mode) {
        String[] args = java.util.Arrays.copyOf(before, before.length + 1);
        args[before.length] = mode;
        return args;
    }

    private static final Pattern ROLLED_BACK = Pattern.compile("(\\d+) transactions? rolled back");

    /**
     * {@code @Atomic}: a thread blocked inside an @Atomic method when the JVM is killed: none of
     * its writes survive; completed calls, a call that threw, and a call that caught a nested throw
     * are all there; an auto-commit write made after the open transaction's writes is there too.
     */
    @Test
    void atomic_openTransactionRolledBack_completedAndThrowingCallsCommitted() throws Exception {
        String main = APPS + "atomic.AtomicApp";
        Path dir = AgentJvm.workDir("atomic");
        List<String> expected;
        try (AgentJvm jvm = AgentJvm.app(main).dir(dir).args("build").start()) {
            jvm.awaitLine("AFTER-HALF"::equals, Crash.TIMEOUT);
            jvm.kill9();
            List<String> out = jvm.out();
            assertThat(out).as(jvm.describe()).contains("HALF", "thrown as expected");
            List<String> before = Crash.prefixed(out, "STATE");
            String outside = Crash.prefixed(out, "EXPECTED-OUTSIDE").get(0);
            expected = new ArrayList<>();
            for (String l : before) {
                expected.add(l.startsWith("Ledger.outside=") ? "Ledger.outside=" + outside : l);
            }
            assertThat(expected).as("the auto-commit write after HALF changed the field").isNotEqualTo(before);
            assertThat(before).as("the completed, throwing and catching calls all wrote")
                    .anyMatch(l -> l.contains("completed-2"))
                    .anyMatch(l -> l.contains("throwing-3"))
                    .anyMatch(l -> l.contains("caught-4"));
        }
        Crash.Run checked = Crash.check(AgentJvm.app(main).dir(dir).args("check"));
        assertRecovered("@Atomic", expected, checked);
        String line = checked.err().stream().filter(l -> l.contains("Lazarus recovered")).findFirst().orElseThrow();
        Matcher m = ROLLED_BACK.matcher(line);
        assertThat(m.find()).as("the recovery line reports rolled-back transactions: %s", line).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("exactly the blocked transaction is rolled back: %s", line)
                .isEqualTo(1);
    }
}
