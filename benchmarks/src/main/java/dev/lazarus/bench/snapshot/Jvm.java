package dev.lazarus.bench.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child JVM of the snapshot figures: its command line, its output files, its FIG lines. */
final class Jvm {
    /** What Chronicle needs on Java 17 when the application itself uses it (the raw tailer); harmless elsewhere. */
    static final List<String> CHRONICLE_FLAGS = List.of(
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true", "-Ddisable.perf.info=true",
            "-Dchronicle.disk.monitor.disable=true");

    final String name;
    final Path out;
    final Path err;
    final Process process;
    final long startNanos = System.nanoTime();

    private Jvm(String name, Path out, Path err, Process process) {
        this.name = name;
        this.out = out;
        this.err = err;
        this.process = process;
    }

    /** Starts {@code java jvmArgs -cp classPath main args}, stdout and stderr to files named after {@code name}. */
    static Jvm start(Path work, String name, List<String> jvmArgs, String classPath, String main, List<String> args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main);
        cmd.addAll(args);
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        Files.writeString(work.resolve(name + ".cmd"), String.join(" ", cmd) + "\n");
        log("start " + name + ": " + main + " " + String.join(" ", args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Jvm(name, out, err, p);
    }

    static void log(String s) {
        System.err.printf("[%tT] %s%n", System.currentTimeMillis(), s);
    }

    /** Waits for the JVM to end; throws if it fails or runs past {@code timeoutS}. */
    Jvm await(long timeoutS) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in " + timeoutS + " s; see " + out + " and " + err);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; stderr tail:\n" + tail(err, 40)
                    + "\nstdout tail:\n" + tail(out, 40));
        }
        log("end " + name + " after " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
        return this;
    }

    /** Waits until a stdout line equals {@code line}. */
    void awaitLine(String line, long timeoutS) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeoutS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(out) && Files.readAllLines(out, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (" + process.exitValue() + ") before printing " + line
                        + "; stderr tail:\n" + tail(err, 40));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not print " + line + " in " + timeoutS + " s");
    }

    /** A real {@code kill -9 <pid>}, then waits for the process to be gone. */
    void kill9() throws IOException, InterruptedException {
        long pid = process.pid();
        int rc = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed: " + rc);
        }
        process.waitFor();
        log("killed " + name + " (pid " + pid + ") with kill -9");
    }

    /** The FIG lines of stdout, by name, each as its key=value pairs. */
    Map<String, List<Map<String, String>>> figs() throws IOException {
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(this.out, StandardCharsets.UTF_8)) {
            if (!line.startsWith("FIG ")) {
                continue;
            }
            String[] parts = line.substring(4).split(" ");
            Map<String, String> kv = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
            }
            out.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(kv);
        }
        return out;
    }

    List<String> stdoutLines() throws IOException {
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
