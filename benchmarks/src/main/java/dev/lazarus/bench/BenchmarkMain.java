package dev.lazarus.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs the benchmarks with the agent in every forked JVM, each fork on a fresh data directory
 * (so no fork recovers another's log), and prints the ratios against the baselines measured in
 * the same run.
 *
 * <pre>java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.lazarus.bench.BenchmarkMain [--quick] [regex]</pre>
 */
public final class BenchmarkMain {
    private static final String[] CHRONICLE_FLAGS = {
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"};

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String include = args.length > 0 && !args[args.length - 1].startsWith("--") ? args[args.length - 1] : "WritePathBenchmark";
        Path agent = Path.of(System.getProperty("lazarus.agent.jar", "agent/target/lazarus-agent.jar")).toAbsolutePath();
        int forks = quick ? 1 : 3;
        List<RunResult> results = new ArrayList<>();
        for (int fork = 0; fork < forks; fork++) {
            Path dir = Files.createTempDirectory("lazarus-bench");
            List<String> jvmArgs = new ArrayList<>(List.of(CHRONICLE_FLAGS));
            jvmArgs.add("-javaagent:" + agent + "=dir=" + dir + ",sync=none");
            ChainedOptionsBuilder options = new OptionsBuilder().include(include).forks(1)
                    .warmupIterations(quick ? 2 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                    .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                    .jvmArgsAppend(jvmArgs.toArray(new String[0]));
            Collection<RunResult> run = new Runner(options.build()).run();
            results.addAll(run);
        }
        Report.print(results);
    }
}
