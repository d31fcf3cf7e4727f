package dev.lazarus.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs JMH one fork at a time, so that every fork gets a fresh data directory: the Lazarus agent
 * (when there is one) writes its log under {@code <fork dir>/lazarus}, the benchmarks' own files
 * (raw queues, peers' stores) go under the directory named by the system property
 * {@code bench.dir}. Without a fresh directory a fork would recover the previous fork's log at
 * start. The directory is deleted when the fork ends. JMH's own output goes to a log file.
 */
final class Jmh {
    /** The flags that the application's own Chronicle (raw baselines, Chronicle Map) needs on Java 17+. */
    static final String[] CHRONICLE_FLAGS = {
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        // Chronicle Map compiles its value classes at run time
        "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED", "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
        "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true", "-Ddisable.perf.info=true",
        "-Dchronicle.disk.monitor.disable=true", "-Dslf4j.internal.verbosity=ERROR"};

    /** One JMH run: which benchmarks, how, and with which agent options ({@code null}: no agent). */
    static final class Spec {
        final String label;
        final String include;
        String agentOptions;
        int threads = 1;
        int forks = 1;
        int warmupIterations = 2;
        long warmupMillis = 1000;
        int measurementIterations = 3;
        long measurementMillis = 1000;
        Mode mode;
        TimeUnit timeUnit = TimeUnit.NANOSECONDS;
        final Map<String, String> params = new LinkedHashMap<>();
        final List<String> jvmArgs = new ArrayList<>();
        String profile; // JFR settings file name or null

        Spec(String label, Class<?> benchmarkClass, String... methods) {
            this.label = label;
            String cls = Pattern.quote(benchmarkClass.getName());
            this.include = methods.length == 0 ? cls + "\\..*"
                    : cls + "\\.(" + String.join("|", methods) + ")$";
        }

        Spec agent(String options) {
            this.agentOptions = options;
            return this;
        }

        Spec threads(int n) {
            this.threads = n;
            return this;
        }

        Spec forks(int n) {
            this.forks = n;
            return this;
        }

        Spec iterations(int warmup, long warmupMs, int measure, long measureMs) {
            this.warmupIterations = warmup;
            this.warmupMillis = warmupMs;
            this.measurementIterations = measure;
            this.measurementMillis = measureMs;
            return this;
        }

        Spec mode(Mode m) {
            this.mode = m;
            return this;
        }

        Spec param(String name, String value) {
            params.put(name, value);
            return this;
        }

        Spec jvm(String... args) {
            jvmArgs.addAll(List.of(args));
            return this;
        }
    }

    private Jmh() {
    }

    /** Runs {@code spec}, fork after fork; returns one result per benchmark per fork. */
    static List<RunResult> run(Ctx ctx, Spec spec) {
        List<RunResult> all = new ArrayList<>();
        for (int fork = 0; fork < spec.forks; fork++) {
            Path dir;
            try {
                dir = Files.createTempDirectory(ctx.work, "fork");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<String> jvmArgs = new ArrayList<>(List.of(CHRONICLE_FLAGS));
            jvmArgs.add("-Dbench.dir=" + dir);
            jvmArgs.addAll(spec.jvmArgs);
            if (spec.agentOptions != null) {
                jvmArgs.add("-javaagent:" + ctx.agent + "=dir=" + dir.resolve("lazarus") + "," + spec.agentOptions);
            }
            String logName = spec.label.replaceAll("[^A-Za-z0-9._-]+", "_") + "-fork" + (fork + 1);
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(spec.include)
                    .forks(1)
                    .threads(spec.threads)
                    .warmupIterations(spec.warmupIterations)
                    .warmupTime(TimeValue.milliseconds(spec.warmupMillis))
                    .measurementIterations(spec.measurementIterations)
                    .measurementTime(TimeValue.milliseconds(spec.measurementMillis))
                    .timeUnit(spec.timeUnit)
                    .shouldFailOnError(true)
                    .output(ctx.logs.resolve(logName + ".log").toString())
                    .jvmArgsAppend(jvmArgs.toArray(new String[0]));
            if (ctx.profile) { // one JFR recording per benchmark (JMH's profiler), under target/bench-logs/<label>-forkN/
                options.addProfiler(org.openjdk.jmh.profile.JavaFlightRecorderProfiler.class,
                        "dir=" + ctx.logs.resolve(logName) + ";configName=profile");
            }
            if (spec.mode != null) {
                options.mode(spec.mode);
            }
            spec.params.forEach((k, v) -> options.param(k, v));
            long t0 = System.nanoTime();
            try {
                Collection<RunResult> run = new Runner(options.build()).run();
                if (run.isEmpty()) {
                    throw new IllegalStateException("JMH ran nothing for " + spec.include + " (see " + logName + ".log)");
                }
                all.addAll(run);
            } catch (RunnerException e) {
                throw new IllegalStateException("JMH failed for " + spec.label + ": see "
                        + ctx.logs.resolve(logName + ".log"), e);
            } finally {
                Files2.deleteTree(dir);
            }
            ctx.progress(String.format("  %s fork %d/%d: %.0f s", spec.label, fork + 1, spec.forks,
                    (System.nanoTime() - t0) / 1e9));
        }
        return all;
    }

    /** The short name of the benchmark method of a result. */
    static String method(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
