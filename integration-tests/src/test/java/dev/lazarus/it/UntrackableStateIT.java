package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DESIGN §2: mutable state Lazarus cannot track is never silently dropped. With strict=true
 * (default) the write or attach throws, naming the class, the field and the fix; with strict=false
 * a warning says the same and the app goes on.
 */
class UntrackableStateIT {
    private static final String MAIN = "dev.lazarus.it.apps.untrackable.UntrackableApp";

    /** Case name -> what the message must name: the class, the field, and a type or origin. */
    private static final Map<String, List<String>> CASES = Map.of(
            "longadder-field-write", List.of("Holder", "text", "java.util.concurrent.atomic.LongAdder"),
            "longadder-field-write-inside", List.of("Holder", "counter", "java.util.concurrent.atomic.LongAdder"),
            "longadder-attach", List.of("Carrier", "counter", "java.util.concurrent.atomic.LongAdder"),
            // tracked as a field's value (ThirdPartyIT), not as a collection element
            "stringbuilder-in-collection", List.of("java.lang.StringBuilder", "only as the value of a field"),
            "hashmap-created-outside", List.of("Holder", "map", "java.util.HashMap", "outside a @Durable class"),
            "arraylist-created-outside-in-collection", List.of("java.util.ArrayList", "outside a @Durable class"),
            "subclass-not-tracked", List.of("Holder", "map", "PlainLru", "subclass of java.util.LinkedHashMap",
                    "annotate dev.lazarus.it.apps.untrackable.PlainLru"));

    private static Map<String, String> cases(List<String> out) {
        return out.stream().filter(l -> l.startsWith("CASE ")).collect(Collectors.toMap(
                l -> l.split(" ")[1], l -> l.substring(("CASE " + l.split(" ")[1] + " ").length())));
    }

    @Test
    void strictByDefault_theWriteOrAttachThrowsNamingClassFieldAndFix() throws Exception {
        Path dir = AgentJvm.workDir("untrackable-strict");
        try (AgentJvm jvm = AgentJvm.app(MAIN).dir(dir).start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
            Map<String, String> results = cases(jvm.out());
            assertThat(results.keySet()).as(jvm.describe()).containsExactlyInAnyOrderElementsOf(CASES.keySet());
            CASES.forEach((name, mustName) -> {
                String r = results.get(name);
                assertThat(r).as("%s throws; %s", name, jvm.describe()).startsWith("THROWN ");
                assertThat(r).as("%s: the message names what is wrong", name).contains(mustName);
                assertThat(r).as("%s: the message gives the fix", name).containsIgnoringCase("fix");
            });
            assertThat(results.get("longadder-field-write")).as("the fix for a mutable JDK type")
                    .containsAnyOf("@Durable", "transient", "immutable");
            assertThat(results.get("hashmap-created-outside")).as("the fix for a collection created outside")
                    .contains("inside a @Durable class");
            assertThat(jvm.out()).as("the app went on after catching; %s", jvm.describe())
                    .contains("AFTER plain=42 name=still working");
            assertThat(jvm.out()).as("a refused write does not stay in memory; %s", jvm.describe())
                    .contains("MEMORY text=null counter=null map=null carrier=null");
            CASES.keySet().forEach(name -> assertThat(results.get(name))
                    .as("%s: the fix offered is one the user can apply (a JDK class cannot be annotated)", name)
                    .doesNotContain("annotate java."));
        }
    }

    /**
     * A handle that writes a tracked field later (VarHandle, setter MethodHandle, atomic field updater,
     * Unsafe offset) cannot be seen when it writes, so it is refused when it is made, with or without
     * strict; a transient field and an untracked class are left alone. A reflective write to a final
     * field of an attached object is refused too (the image holds finals; nothing logs a later change).
     */
    @Test
    void handlesThatWriteATrackedFieldAreRefusedWhenMade() throws Exception {
        Map<String, String> mustName = Map.of(
                "varhandle", "MethodHandles.Lookup.findVarHandle",
                "setter-handle", "MethodHandles.Lookup.findSetter",
                "unreflect-setter", "MethodHandles.Lookup.unreflectSetter",
                "unreflect-varhandle", "MethodHandles.Lookup.unreflectVarHandle",
                "long-updater", "AtomicLongFieldUpdater",
                "int-updater", "AtomicIntegerFieldUpdater",
                "reference-updater", "AtomicReferenceFieldUpdater",
                "unsafe-offset", "sun.misc.Unsafe",
                "final-field-by-reflection", "final");
        for (String strict : List.of("true", "false")) {
            Path dir = AgentJvm.workDir("handles-" + strict);
            try (AgentJvm jvm = AgentJvm.app("dev.lazarus.it.apps.untrackable.HandlesApp").dir(dir).option("strict", strict)
                    .start()) {
                assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
                Map<String, String> results = cases(jvm.out());
                mustName.forEach((name, via) -> {
                    String r = results.get(name);
                    assertThat(r).as("%s is refused (strict=%s); %s", name, strict, jvm.describe())
                            .startsWith("THROWN dev.lazarus.internal.engine.UntrackableStateException");
                    String field = name.startsWith("int") ? "misses" : name.startsWith("ref") || name.startsWith("setter")
                            ? "last" : name.startsWith("final") ? "id" : "hits";
                    assertThat(r).as("%s names the field, the mechanism and the fix", name)
                            .contains("dev.lazarus.it.apps.untrackable.Counter." + field, via, "Fix:");
                });
                for (String allowed : List.of("transient-field-varhandle", "untracked-class-updater", "getter-handle")) {
                    assertThat(results.get(allowed)).as("%s is allowed; %s", allowed, jvm.describe()).isEqualTo("OK");
                }
            }
        }
    }

    /**
     * Issue 11 item 7: a value a tracked collection refuses (strict) is refused before the
     * collection stores it, on every path that stores one (add, set, put, compute, merge,
     * replaceAll, iterators, sub-lists, sub-maps, entries): memory keeps only what the log got, and
     * a crash and restart bring back exactly what memory held.
     */
    @Test
    void aRefusedElementIsNotLeftInTheCollection() throws Exception {
        refusedElements("RefusedElementsApp", 25,
                "items=[x] linked=[] deque=[] set=[] byKey={f=plain} sorted={h=plain} lru={i=plain}");
    }

    /** The same on Java 21+ for the sequenced methods and views (putFirst, reversed()...). */
    @Test
    void aRefusedElementIsNotLeftInASequencedCollection() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "Java 21's sequenced collections need a 21+ JVM");
        refusedElements("RefusedSequencedApp", 11, "map={a=plain} lru={b=plain} set=[c] list=[x]");
    }

    private static void refusedElements(String app, int caseCount, String expected) throws Exception {
        String main = "dev.lazarus.it.apps.untrackable." + app;
        Path dir = AgentJvm.workDir(app);
        String content;
        try (AgentJvm jvm = AgentJvm.app(main).dir(dir).start()) {
            jvm.awaitLine("READY"::equals, Duration.ofSeconds(60));
            Map<String, String> results = cases(jvm.out());
            assertThat(results).as(jvm.describe()).hasSize(caseCount);
            results.forEach((name, r) -> assertThat(r).as("%s is refused; %s", name, jvm.describe())
                    .startsWith("THROWN ").contains("java.util.concurrent.atomic.LongAdder").containsIgnoringCase("fix"));
            content = jvm.out().stream().filter(l -> l.startsWith("CONTENT ")).findFirst().orElseThrow()
                    .substring("CONTENT ".length());
            assertThat(content).as("no refused value is left in memory; %s", jvm.describe()).isEqualTo(expected);
            jvm.kill9();
        }
        try (AgentJvm jvm = AgentJvm.app(main).dir(dir).start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
            assertThat(jvm.out()).as("the log holds what memory held; %s", jvm.describe()).contains("RECOVERED " + content);
        }
    }

    @Test
    void strictFalse_logsAWarningInsteadAndTheAppGoesOn() throws Exception {
        Path dir = AgentJvm.workDir("untrackable-lenient");
        try (AgentJvm jvm = AgentJvm.app(MAIN).dir(dir).option("strict", "false").start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
            Map<String, String> results = cases(jvm.out());
            assertThat(results.keySet()).as(jvm.describe()).containsExactlyInAnyOrderElementsOf(CASES.keySet());
            List<String> warnings = jvm.err().stream().filter(l -> l.startsWith("WARNING")).toList();
            CASES.forEach((name, mustName) -> {
                assertThat(results.get(name)).as("%s does not throw with strict=false; %s", name, jvm.describe())
                        .isEqualTo("NO-EXCEPTION");
                assertThat(warnings).as("%s: a WARNING names it; %s", name, jvm.describe())
                        .anyMatch(w -> mustName.stream().allMatch(w::contains));
            });
            assertThat(jvm.out()).contains("AFTER plain=42 name=still working");
        }
    }
}
