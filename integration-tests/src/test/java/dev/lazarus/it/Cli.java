package dev.lazarus.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the operator's command line, {@code java -jar lazarus-agent.jar ARGS}, in a real JVM. */
record Cli(int exit, List<String> out, List<String> err) {
    static Cli run(Object... args) throws IOException, InterruptedException {
        return runWith(List.of(), args);
    }

    /** The same, with JVM options for the command line's own JVM. */
    static Cli runWith(List<String> jvmArgs, Object... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", AgentJvm.AGENT_JAR.toAbsolutePath().toString()));
        Arrays.stream(args).map(String::valueOf).forEach(cmd::add);
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command line did not end within 120 s: " + cmd);
        }
        return new Cli(p.exitValue(), out.join().lines().toList(), err.join().lines().toList());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String describe() {
        return "exit " + exit + "\n--- stdout ---\n" + String.join("\n", out) + "\n--- stderr ---\n" + String.join("\n", err);
    }

    /** The value after {@code "  name:"} in the status output. */
    String row(String name) {
        return out.stream().filter(l -> l.startsWith("  " + name + ":")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + name + "' row; " + describe()));
    }
}
