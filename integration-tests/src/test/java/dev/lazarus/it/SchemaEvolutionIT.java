package dev.lazarus.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, point 5: schema evolution across a {@code kill -9}. Version 1 of a small bank
 * ({@code evo.App}, {@code evo.Bank}, {@code evo.Account}) and version 2, with one change, are
 * compiled here with the system Java compiler; v1 runs under the agent, builds state and is
 * killed; v2 starts on the same directory and must recover what v1 had, treating the change as
 * DESIGN §3 says. Each case runs twice: recovering from the log alone, and from a snapshot (v1 took
 * two, with changes between and after them) plus the log after it.
 */
class SchemaEvolutionIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, Path> COMPILED = new ConcurrentHashMap<>();
    private final Random random = new Random();

    // ------------------------------------------------------------------ the app, version 1

    /** build SEED CHECKPOINTS | more SEED CHECKPOINTS | check; STATE lines are bank.show(). */
    private static final String APP = """
            package evo;

            import dev.lazarus.Durable;
            import dev.lazarus.Lazarus;
            import java.util.List;
            import java.util.Random;

            public class App {
                @Durable
                static Bank bank = new Bank();

                public static void main(String[] args) throws Exception {
                    String mode = args[0];
                    System.out.println("MAIN " + mode);
                    Random r = new Random(args.length > 1 ? Long.parseLong(args[1]) : 0);
                    int checkpoints = args.length > 2 ? Integer.parseInt(args[2]) : 0;
                    switch (mode) {
                        case "build" -> {
                            for (int i = 0; i < 30; i++) {
                                bank.open("acct-" + (10 + i), r);
                            }
                            for (int c = 0; c < checkpoints; c++) {
                                for (int i = 0; i < 100; i++) {
                                    bank.change(r);
                                }
                                checkpoint();
                            }
                            for (int i = 0; i < 100; i++) {
                                bank.change(r);
                            }
                            emit("STATE", bank.show());
                            ready();
                        }
                        case "more" -> {
                            emit("STATE", bank.show());
                            for (int c = 0; c < checkpoints; c++) {
                                bank.more(r);
                                checkpoint();
                            }
                            bank.more(r);
                            emit("STATE2", bank.show());
                            ready();
                        }
                        case "check" -> {
                            emit("FRESH", Bank.fresh());
                            emit("STATE", bank.show());
                            System.out.println("CHECKED");
                            System.out.flush();
                            System.exit(0);
                        }
                        default -> throw new IllegalArgumentException(mode);
                    }
                }

                static void checkpoint() {
                    try {
                        Lazarus.checkpoint();
                        System.out.println("CHECKPOINTED");
                    } catch (RuntimeException e) {
                        System.out.println("CHECKPOINT-FAILED " + e);
                    }
                }

                static void emit(String prefix, List<String> lines) {
                    for (String l : lines) {
                        System.out.println(prefix + " " + l);
                    }
                    System.out.flush();
                }

                static void ready() throws InterruptedException {
                    System.out.println("READY");
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            """;

    private static final String BANK = """
            package evo;

            import dev.lazarus.Durable;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;
            import java.util.Random;
            import java.util.TreeMap;

            @Durable
            public class Bank {
                final Map<String, Account> accounts = new TreeMap<>();

                public void open(String id, Random r) {
                    accounts.put(id, new Account(id, r));
                }

                public void change(Random r) {
                    accounts.get("acct-" + (10 + r.nextInt(accounts.size()))).change(r);
                }

                public List<String> show() {
                    List<String> out = new ArrayList<>();
                    for (Account a : accounts.values()) {
                        out.add(a.show());
                    }
                    return out;
                }

                public static List<String> fresh() {
                    return List.of();
                }

                public void more(Random r) {
                    change(r);
                }
            }
            """;

    private static final String ACCOUNT = """
            package evo;

            import dev.lazarus.Durable;
            import java.util.Random;

            @Durable
            public class Account {
                String id;
                String owner;
                long balance;
                int visits;

                public Account() {
                }

                public Account(String id, Random r) {
                    this.id = id;
                    owner = "owner-" + r.nextInt(1000);
                    balance = r.nextInt(1_000_000);
                }

                public void change(Random r) {
                    balance += r.nextInt(1000) - 500;
                    visits++;
                    if (r.nextInt(5) == 0) {
                        owner = "owner-" + r.nextInt(1000);
                    }
                }

                public String show() {
                    return id + " owner=" + owner + " balance=" + balance + " visits=" + visits;
                }
            }
            """;

    private static Map<String, String> v1() {
        return sources("evo/App.java", APP, "evo/Bank.java", BANK, "evo/Account.java", ACCOUNT);
    }

    private static Map<String, String> sources(String... pathAndText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pathAndText.length; i += 2) {
            m.put(pathAndText[i], pathAndText[i + 1]);
        }
        return m;
    }

    /** A copy of {@code sources} with {@code from} replaced by {@code to} in one file (each edit must apply). */
    private static Map<String, String> edit(Map<String, String> sources, String file, String... fromTo) {
        Map<String, String> m = new LinkedHashMap<>(sources);
        String text = m.get(file);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).as("the v2 edit applies to %s", file).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        m.put(file, text);
        return m;
    }

    // ------------------------------------------------------------------ compiling and running

    /** Compiles a version once per test JVM, against the API in the agent jar. */
    static Path compile(String name, Map<String, String> sources) {
        return COMPILED.computeIfAbsent(name + "\0" + sources.hashCode(), k -> {
            try {
                Path root = AgentJvm.workDir("evo-" + name);
                Path src = root.resolve("src");
                Path out = root.resolve("classes");
                Files.createDirectories(out);
                List<Path> files = new ArrayList<>();
                for (Map.Entry<String, String> e : sources.entrySet()) {
                    Path f = src.resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.writeString(f, e.getValue());
                    files.add(f);
                }
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                assertThat(javac).as("a JDK with javax.tools").isNotNull();
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
                    boolean ok = javac.getTask(null, fm, diagnostics,
                            List.of("-d", out.toString(), "-classpath", AgentJvm.AGENT_JAR.toAbsolutePath().toString(),
                                    "--release", "17", "-proc:none"),
                            null, fm.getJavaFileObjectsFromPaths(files)).call();
                    List<String> errors = new ArrayList<>();
                    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                        errors.add(d.toString());
                    }
                    assertThat(ok).as("%s compiles: %s", name, errors).isTrue();
                }
                return out;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static AgentJvm.Builder app(Path classes, Path dir, String... args) {
        return AgentJvm.app("evo.App").dir(dir).classPath(classes.toString()).option("snapshotInterval", "off")
                .option("snapshotLogBytes", "off").args(args);
    }

    /** Runs until READY (after the given STATE prefix), kills it with kill -9, returns its output. */
    private static List<String> runAndKill(AgentJvm.Builder builder, String prefix) throws Exception {
        try (AgentJvm jvm = builder.start()) {
            jvm.awaitLine("READY"::equals, TIMEOUT);
            jvm.kill9();
            List<String> state = Snap.lines(jvm.out(), prefix);
            assertThat(state).as("the app printed its state; %s", jvm.describe()).isNotEmpty();
            // a checkpoint that throws is reported by SnapshotCrashIT; here only the files it wrote matter
            return jvm.out();
        }
    }

    private static AgentJvm check(AgentJvm.Builder builder) throws Exception {
        return SnapshotCrashIT.check(builder);
    }

    /** Builds v1 state (with {@code checkpoints} snapshots), kills it; returns v1's STATE lines. */
    private List<String> buildV1(Path dir, int checkpoints) throws Exception {
        Path v1 = compile("v1", v1());
        List<String> out = runAndKill(app(v1, dir, "build", Long.toString(random.nextLong()), Integer.toString(checkpoints)),
                "STATE");
        if (checkpoints > 0) {
            assertThat(Snap.snapshotFiles(dir)).as("v1 took its snapshots").isNotEmpty();
        }
        return Snap.lines(out, "STATE");
    }

    private static void assertRecoveredHow(AgentJvm jvm, int checkpoints) throws InterruptedException {
        Snap.Recovery r = Snap.recovery(jvm);
        assertThat(r.fromSnapshot()).as("recovered %s: %s", checkpoints > 0 ? "from a snapshot" : "from the log alone",
                r.line()).isEqualTo(checkpoints > 0);
    }

    /** The part of a v2 line before " | " (v1's fields), and after it (the added fields). */
    private static String common(String line) {
        int i = line.indexOf(" | ");
        return i < 0 ? line : line.substring(0, i);
    }

    private static String added(String line) {
        int i = line.indexOf(" | ");
        return i < 0 ? "" : line.substring(i + 3);
    }

    // ------------------------------------------------------------------ (a) a field added

    @ParameterizedTest(name = "checkpoints={0}")
    @ValueSource(ints = {0, 2})
    void fieldAdded_getsTheValueItsInitializerOrConstructorGives_otherFieldsRecovered(int checkpoints) throws Exception {
        Path dir = AgentJvm.workDir("evo-added").resolve("state");
        List<String> v1State = buildV1(dir, checkpoints);
        Map<String, String> sources = edit(v1(), "evo/Account.java",
                "    int visits;\n", """
                            int visits;
                            String note = "fresh-" + Integer.toHexString(0xBEEF);
                            int level = 3;
                            long since;
                        """,
                "    public Account() {\n    }", """
                            public Account() {
                                since = 1_700_000_000_000L + 12_345;
                            }

                            public String added() {
                                return "note=" + note + " level=" + level + " since=" + since;
                            }\
                        """,
                "    public Account(String id, Random r) {\n", "    public Account(String id, Random r) {\n        this();\n",
                "+ \" visits=\" + visits;", "+ \" visits=\" + visits + \" | \" + added();");
        sources = edit(sources, "evo/Bank.java", "        return List.of();", "        return List.of(new Account().added());");
        Path v2 = compile("v2-added", sources);

        AgentJvm checked = check(app(v2, dir, "check"));
        List<String> fresh = Snap.lines(checked.out(), "FRESH");
        assertThat(fresh).as("v2 printed what its constructor gives a new Account; %s", checked.describe()).hasSize(1);
        assertThat(fresh.get(0)).as("the added fields have non-default initial values")
                .isNotEqualTo("note=null level=0 since=0");
        List<String> recovered = Snap.lines(checked.out(), "STATE");
        assertThat(recovered.stream().map(SchemaEvolutionIT::common).toList())
                .as("v1's fields recovered by v2; %s", Snap.stderr(checked)).isEqualTo(v1State);
        assertThat(recovered.stream().map(SchemaEvolutionIT::added).toList())
                .as("each recovered Account has the added fields as its constructor and initializers make them; %s",
                        Snap.stderr(checked))
                .containsOnly(fresh.get(0)).hasSize(v1State.size());
        assertRecoveredHow(checked, checkpoints);
    }

    // ------------------------------------------------------------------ (b) a field removed

    @ParameterizedTest(name = "checkpoints={0}")
    @ValueSource(ints = {0, 2})
    void fieldsRemoved_areIgnored_otherFieldsRecovered(int checkpoints) throws Exception {
        Path dir = AgentJvm.workDir("evo-removed").resolve("state");
        // v1 here has three more fields, written on every change: a String, a long, a reference
        Map<String, String> v1 = edit(v1(), "evo/Account.java",
                "    int visits;\n", "    int visits;\n    String obsolete;\n    long legacy;\n    Account partner;\n",
                "        visits++;\n", "        visits++;\n        obsolete = \"old-\" + r.nextInt(100);\n"
                        + "        legacy = r.nextLong();\n        partner = this;\n");
        Path v1Classes = compile("v1-removed", v1);
        List<String> out = runAndKill(app(v1Classes, dir, "build", Long.toString(random.nextLong()),
                Integer.toString(checkpoints)), "STATE");
        List<String> v1State = Snap.lines(out, "STATE");

        AgentJvm checked = check(app(compile("v1", v1()), dir, "check"));
        assertThat(Snap.lines(checked.out(), "STATE")).as("v2 (without the fields) recovered the others; %s",
                Snap.stderr(checked)).isEqualTo(v1State);
        assertRecoveredHow(checked, checkpoints);
    }

    // ------------------------------------------------------------------ (c) a class renamed

    @ParameterizedTest(name = "checkpoints={0}")
    @ValueSource(ints = {0, 2})
    void classRenamed_andMovedToAnotherPackage_isRecoveredThroughTheRenamesOption(int checkpoints) throws Exception {
        Path dir = AgentJvm.workDir("evo-class-renamed").resolve("state");
        List<String> v1State = buildV1(dir, checkpoints);
        Map<String, String> sources = new LinkedHashMap<>(v1());
        String customer = sources.remove("evo/Account.java").replace("package evo;", "package evo.model;")
                .replace("class Account", "class Customer").replace("public Account(", "public Customer(");
        sources.put("evo/model/Customer.java", customer);
        sources = edit(sources, "evo/Bank.java", "import java.util.TreeMap;\n", "import java.util.TreeMap;\nimport evo.model.Customer;\n",
                "Map<String, Account>", "Map<String, Customer>", "new Account(id, r)", "new Customer(id, r)",
                "for (Account a", "for (Customer a");
        Path v2 = compile("v2-class-renamed", sources);

        AgentJvm checked = check(app(v2, dir, "check").option("renames", "evo.Account:evo.model.Customer"));
        assertThat(Snap.lines(checked.out(), "STATE")).as("evo.Account recovered as evo.model.Customer; %s",
                Snap.stderr(checked)).isEqualTo(v1State);
        assertRecoveredHow(checked, checkpoints);
    }

    // ------------------------------------------------------------------ (d) a field renamed

    @ParameterizedTest(name = "checkpoints={0}")
    @ValueSource(ints = {0, 2})
    void fieldRenamed_isRecoveredThroughTheRenamesOption(int checkpoints) throws Exception {
        Path dir = AgentJvm.workDir("evo-field-renamed").resolve("state");
        List<String> v1State = buildV1(dir, checkpoints);
        Path v2 = compile("v2-field-renamed", edit(v1(), "evo/Account.java",
                "    long balance;", "    long amount;",
                "        balance = r.nextInt(1_000_000);", "        amount = r.nextInt(1_000_000);",
                "        balance += r.nextInt(1000) - 500;", "        amount += r.nextInt(1000) - 500;",
                "\" balance=\" + balance", "\" balance=\" + amount"));

        AgentJvm checked = check(app(v2, dir, "check").option("renames", "evo.Account#balance:amount"));
        assertThat(Snap.lines(checked.out(), "STATE")).as("Account.balance recovered into Account.amount; %s",
                Snap.stderr(checked)).isEqualTo(v1State);
        assertRecoveredHow(checked, checkpoints);
    }

    // ------------------------------------------------------------------ (e) an incompatible type change

    @ParameterizedTest(name = "{0} {1} -> {2}, checkpoints={3}")
    @CsvSource({
            "balance, long, String, 0", "balance, long, String, 2",
            "visits, int, long, 0", "visits, int, long, 2",
            "owner, String, Integer, 0", "owner, String, Integer, 2"})
    void incompatibleTypeChange_stopsTheJvmWithAnErrorNamingClassAndField(String field, String from, String to,
                                                                        int checkpoints) throws Exception {
        Path dir = AgentJvm.workDir("evo-type-" + field).resolve("state");
        buildV1(dir, checkpoints);
        Map<String, String> sources = switch (field) {
            case "balance" -> edit(v1(), "evo/Account.java", "    long balance;", "    String balance = \"0\";",
                    "        balance = r.nextInt(1_000_000);", "        balance = \"\" + r.nextInt(1_000_000);",
                    "        balance += r.nextInt(1000) - 500;", "        balance = balance + \"+1\";");
            case "visits" -> edit(v1(), "evo/Account.java", "    int visits;", "    long visits;");
            case "owner" -> edit(v1(), "evo/Account.java", "    String owner;", "    Integer owner;",
                    "owner = \"owner-\" + r.nextInt(1000);", "owner = r.nextInt(1000);");
            default -> throw new IllegalArgumentException(field);
        };
        Path v2 = compile("v2-type-" + field, sources);
        try (AgentJvm jvm = app(v2, dir, "check").start()) {
            int exit = jvm.awaitExit(TIMEOUT);
            assertThat(jvm.out()).as("no state printed: nothing silently zeroed or dropped; %s", jvm.describe())
                    .noneMatch(l -> l.startsWith("STATE") || l.equals("CHECKED"));
            assertThat(exit).as("the JVM fails at the first root assignment; %s", jvm.describe()).isNotZero();
            List<String> fatal = jvm.err().stream()
                    .filter(l -> l.startsWith("Exception in thread") || l.startsWith("Caused by:")).toList();
            assertThat(fatal).as("the error (not only a warning) names class and field of the %s -> %s change; %s", from,
                    to, jvm.describe()).anyMatch(l -> l.contains("evo.Account") && l.contains(field));
        }
    }

    // ------------------------------------------------------------------ (f) an added field holding a collection

    /**
     * v2 adds a map to Account and a list to Bank, created by their initializers: after recovery
     * those are built by the no-arg constructors, not by the log, and must be attached so that
     * v2's changes to them are logged: v2 changes them, is killed, and a third run must see them.
     */
    @ParameterizedTest(name = "checkpoints={0}")
    @ValueSource(ints = {0, 2})
    void addedCollectionField_isTrackedAfterRecovery_andItsChangesSurviveTheNextKill(int checkpoints) throws Exception {
        Path dir = AgentJvm.workDir("evo-added-collection").resolve("state");
        List<String> v1State = buildV1(dir, checkpoints);
        Map<String, String> sources = edit(v1(), "evo/Account.java",
                "import java.util.Random;", "import java.util.HashMap;\nimport java.util.Map;\nimport java.util.Random;\n"
                        + "import java.util.TreeMap;",
                "    int visits;\n", "    int visits;\n    final Map<String, Integer> tags = new HashMap<>();\n",
                "+ \" visits=\" + visits;", "+ \" visits=\" + visits + \" | tags=\" + new TreeMap<>(tags);",
                "    public String show() {", """
                            public void tag(Random r) {
                                tags.put("k" + r.nextInt(4), r.nextInt(100));
                                if (r.nextInt(4) == 0) {
                                    tags.remove("k" + r.nextInt(4));
                                }
                            }

                            public String show() {\
                        """);
        sources = edit(sources, "evo/Bank.java",
                "    final Map<String, Account> accounts = new TreeMap<>();",
                "    final Map<String, Account> accounts = new TreeMap<>();\n    final List<String> audit = new ArrayList<>();",
                "        return out;", "        out.add(\"audit=\" + audit);\n        return out;",
                "    public void more(Random r) {\n        change(r);", """
                            public void more(Random r) {
                                for (int i = 0; i < 20; i++) {
                                    Account a = accounts.get("acct-" + (10 + r.nextInt(accounts.size())));
                                    a.tag(r);
                                    a.change(r);
                                }
                                audit.add("audit-" + r.nextInt(1000));\
                        """);
        Path v2 = compile("v2-added-collection", sources);

        List<String> out = runAndKill(app(v2, dir, "more", Long.toString(random.nextLong()), Integer.toString(checkpoints)),
                "STATE2");
        List<String> recovered = Snap.lines(out, "STATE");
        List<String> expectedRecovered = new ArrayList<>();
        for (String l : v1State) {
            expectedRecovered.add(l + " | tags={}");
        }
        expectedRecovered.add("audit=[]");
        assertThat(recovered).as("v2 recovered v1's state, with the added collections empty as built").isEqualTo(expectedRecovered);
        List<String> changed = Snap.lines(out, "STATE2");
        assertThat(changed).as("v2 changed the added collections").anyMatch(l -> l.contains("tags={k"))
                .anyMatch(l -> l.startsWith("audit=[audit-"));

        AgentJvm checked = check(app(v2, dir, "check"));
        assertThat(Snap.lines(checked.out(), "STATE"))
                .as("after the next kill -9, v2's changes to the added collections (and the rest) are there; %s",
                        Snap.stderr(checked))
                .isEqualTo(changed);
        assertRecoveredHow(checked, checkpoints);
    }
}
