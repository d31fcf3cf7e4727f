package dev.lazarus.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-tests an application: runs its {@code main} under the Lazarus agent in a child JVM, kills
 * it with {@code kill -9} at random moments, starts it again on the same data directory, and checks
 * the invariant after every restart.
 *
 * <pre>{@code
 * CrashTester.forMain(BankApp.class)
 *         .args("--accounts", "50")
 *         .options("sync=always")
 *         .cycles(5)
 *         .check(cycle -> assertThat(cycle.awaitLine("STATE .*")).contains("money conserved"));
 * }</pre>
 *
 * The same as an annotation: {@link CrashTest}.
 */
public final class CrashTester {
    private final String mainClass;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private String options = "";
    private String classPath = System.getProperty("java.class.path");
    private Path agentJar;
    private Path dataDir;
    private int cycles = 5;
    private Duration killMin = Duration.ofMillis(500);
    private Duration killMax = Duration.ofMillis(3000);
    private Duration timeout = Duration.ofSeconds(60);
    private Long seed;

    private CrashTester(String mainClass) {
        this.mainClass = mainClass;
    }

    /** The application whose {@code main} to run; it must be on the class path (by default the test's own). */
    public static CrashTester forMain(Class<?> mainClass) {
        return new CrashTester(mainClass.getName());
    }

    /** The application's command-line arguments, the same for every run. */
    public CrashTester args(String... args) {
        this.args.addAll(List.of(args));
        return this;
    }

    /**
     * Agent options, as after {@code -javaagent:lazarus-agent.jar=} ({@code "sync=always,strict=false"});
     * not {@code dir}: each test gets its own data directory ({@link #dataDir(Path)}).
     */
    public CrashTester options(String options) {
        for (String pair : options.split(",")) {
            if (pair.strip().startsWith("dir=")) {
                throw new IllegalArgumentException("options must not set dir (the crash tester gives each test its own"
                        + " data directory): use dataDir(path) to choose it");
            }
        }
        this.options = options.strip();
        return this;
    }

    /** Options of the child JVM itself, such as {@code -Xmx256m}. */
    public CrashTester jvmArgs(String... jvmArgs) {
        this.jvmArgs.addAll(List.of(jvmArgs));
        return this;
    }

    /** The child's class path; by default the test JVM's own. */
    public CrashTester classPath(String classPath) {
        this.classPath = Objects.requireNonNull(classPath);
        return this;
    }

    /**
     * The agent jar; by default the system property {@code lazarus.agent.jar}, else the
     * {@code dev.lazarus:lazarus-agent} jar on the test class path.
     */
    public CrashTester agentJar(Path agentJar) {
        this.agentJar = AgentJar.checked(agentJar, "agentJar(...)");
        return this;
    }

    /** The data directory; by default a new temporary one, deleted when every cycle passed. */
    public CrashTester dataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /** How many times to kill and restart (default 5). */
    public CrashTester cycles(int cycles) {
        if (cycles < 1) {
            throw new IllegalArgumentException("cycles must be at least 1, not " + cycles);
        }
        this.cycles = cycles;
        return this;
    }

    /**
     * When to kill each run, counted from its start: a moment drawn evenly between {@code min} and
     * {@code max} (default 500 ms to 3 s), but never before the invariant of the run has returned.
     */
    public CrashTester killBetween(Duration min, Duration max) {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("killBetween needs 0 <= min <= max, not " + min + " and " + max);
        }
        this.killMin = min;
        this.killMax = max;
        return this;
    }

    /** How long {@link CrashCycle#awaitLine} waits (default 60 s). */
    public CrashTester timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** The seed of the kill moments, to replay a failure (by default a random one, named in failures). */
    public CrashTester seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Runs the application, kills and restarts it {@code cycles} times, and checks the invariant after
     * each restart. Throws an {@link AssertionError} at the first failure, naming the crash, the seed,
     * the data directory (then kept) and the end of the restarted application's output.
     */
    public void check(Invariant invariant) throws InterruptedException {
        try (CrashSession session = session()) {
            for (int i = 0; i < cycles; i++) {
                CrashCycle cycle = session.next();
                try {
                    invariant.check(cycle);
                } catch (Exception | AssertionError e) {
                    throw session.failure(cycle, e);
                }
            }
        }
    }

    CrashSession session() {
        Path jar = agentJar != null ? agentJar : AgentJar.locate(CrashTester.class.getClassLoader());
        boolean ownDir = dataDir == null;
        Path dir;
        try {
            dir = ownDir ? Files.createTempDirectory("lazarus-crash-test-") : dataDir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory", e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-javaagent:" + jar + "=dir=" + dir + (options.isEmpty() ? "" : "," + options));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        return new CrashSession(command, dir, ownDir, s, cycles, killMin, killMax, timeout);
    }

    /** The settings of a {@link CrashTest} annotation. */
    static CrashTester from(CrashTest a) {
        CrashTester t = forMain(a.main()).args(a.args()).options(a.options()).jvmArgs(a.jvmArgs()).cycles(a.cycles())
                .killBetween(Duration.ofMillis(a.killAfterMinMillis()), Duration.ofMillis(a.killAfterMaxMillis()))
                .timeout(Duration.ofSeconds(a.timeoutSeconds()));
        if (a.seed() != 0) {
            t.seed(a.seed());
        }
        return t;
    }
}
