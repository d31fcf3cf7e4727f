package dev.lazarus.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real child JVM running an application under the Lazarus agent jar, with its output captured
 * line by line, that a test can wait on, kill with {@code kill -9} and restart.
 */
public final class AgentJvm implements AutoCloseable {
    static final Path AGENT_JAR = Path.of(System.getProperty("lazarus.agent.jar", "../agent/target/lazarus-agent.jar"));
    static final Path SAMPLES_JAR = Path.of(System.getProperty("lazarus.samples.jar", "../sample-apps/target/lazarus-sample-apps.jar"));
    static final Path TEST_CLASSES = Path.of(System.getProperty("lazarus.test.classes", "target/test-classes"));
    static final Path WORK = Path.of(System.getProperty("lazarus.work", "target/it-work"));

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<String> command;
    private final Thread outReader;
    private final Thread errReader;

    private AgentJvm(List<String> command, Map<String, String> env) throws IOException {
        this.command = command;
        // output to files, followed as they grow: the JDK can drop the last lines of a SIGKILLed
        // process's pipes (see dev.lazarus.junit.ChildJvm), and the tests count acknowledgements
        Files.createDirectories(WORK);
        Path outFile = Files.createTempFile(WORK, "jvm-", ".out");
        Path errFile = Files.createTempFile(WORK, "jvm-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.environment().putAll(env);
        this.process = builder.start();
        this.outReader = follow(outFile, out);
        this.errReader = follow(errFile, err);
    }

    /** A fresh, empty work directory for one test. */
    public static Path workDir(String name) throws IOException {
        Path dir = WORK.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(dir);
        return dir.toAbsolutePath();
    }

    public static Builder app(String mainClass) {
        return new Builder(mainClass, null);
    }

    /** An executable jar, started with {@code java -jar} (a Spring Boot fat jar, say). */
    static Builder jar(Path jar) {
        return new Builder(null, jar);
    }

    public static final class Builder {
        private final String mainClass;
        private final Path jar;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<String> classPath = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private boolean agent = true;

        private Builder(String mainClass, Path jar) {
            this.mainClass = mainClass;
            this.jar = jar;
            classPath.add(TEST_CLASSES.toAbsolutePath().toString());
            classPath.add(SAMPLES_JAR.toAbsolutePath().toString());
        }

        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        public Builder dir(Path dir) {
            return option("dir", dir.toString());
        }

        Builder classPath(String entry) {
            classPath.add(entry);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder args(String... a) {
            args.addAll(List.of(a));
            return this;
        }

        /** An environment variable of the child JVM (e.g. {@code LAZARUS_SYNC}). */
        Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        Builder withoutAgent() {
            agent = false;
            return this;
        }

        /** The raw agent argument string, for tests of bad options. */
        Builder agentArgs(String raw) {
            options.clear();
            options.put("\0raw", raw);
            return this;
        }

        public AgentJvm start() throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx512m");
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.addAll(jvmArgs);
            if (agent) {
                String opts;
                if (options.containsKey("\0raw")) {
                    opts = options.get("\0raw");
                } else {
                    StringBuilder b = new StringBuilder();
                    options.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
                    opts = b.toString();
                }
                cmd.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + (opts.isEmpty() ? "" : "=" + opts));
            }
            if (jar != null) {
                cmd.add("-jar");
                cmd.add(jar.toAbsolutePath().toString());
            } else {
                cmd.add("-cp");
                cmd.add(String.join(java.io.File.pathSeparator, classPath));
                cmd.add(mainClass);
            }
            cmd.addAll(args);
            return new AgentJvm(cmd, env);
        }
    }

    /** Reads {@code file} as the child writes it, until the child is gone and the file read to its end. */
    private Thread follow(Path file, List<String> sink) {
        Thread t = new Thread(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                while (true) {
                    boolean gone = !process.isAlive(); // before reading: all it wrote is in the file
                    int n = in.read(buf);
                    for (int i = 0; i < n; i++) {
                        if (buf[i] != '\n') {
                            line.write(buf[i]);
                            continue;
                        }
                        synchronized (sink) {
                            sink.add(line.toString(StandardCharsets.UTF_8));
                            sink.notifyAll();
                        }
                        line.reset();
                    }
                    if (n <= 0 && gone) {
                        synchronized (sink) {
                            if (line.size() > 0) {
                                sink.add(line.toString(StandardCharsets.UTF_8));
                            }
                            sink.notifyAll();
                        }
                        return;
                    }
                    if (n <= 0) {
                        Thread.sleep(5);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // what was read is kept
            }
        }, "jvm-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    public long pid() {
        return process.pid();
    }

    public List<String> out() {
        synchronized (out) {
            return new ArrayList<>(out);
        }
    }

    public List<String> err() {
        synchronized (err) {
            return new ArrayList<>(err);
        }
    }

    /** Waits for a line of standard output that matches, and returns it. */
    public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        return await(out, 0, match, timeout);
    }

    /** Waits for a line of standard output, from line {@code from} on (see {@link #outSize}), that matches. */
    String awaitLine(int from, Predicate<String> match, Duration timeout) throws InterruptedException {
        return await(out, from, match, timeout);
    }

    /** Waits for a line of standard error, from line {@code from} on (see {@link #errSize}), that matches. */
    String awaitErrLine(int from, Predicate<String> match, Duration timeout) throws InterruptedException {
        return await(err, from, match, timeout);
    }

    int outSize() {
        synchronized (out) {
            return out.size();
        }
    }

    int errSize() {
        synchronized (err) {
            return err.size();
        }
    }

    private String await(List<String> lines, int from, Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = from;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!readerOf(lines).isAlive() && seen == lines.size())) {
                    throw new AssertionError("no matching line within " + timeout + "; " + describe());
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** Writes one line to the child's standard input (for apps that take commands). */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits until standard output has at least {@code n} lines that match. */
    void awaitCount(Predicate<String> match, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (out) {
            while (out.stream().filter(match).count() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !outReader.isAlive()) {
                    throw new AssertionError("fewer than " + n + " matching lines; " + describe());
                }
                out.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing. */
    public void kill9() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start();
        kill.waitFor();
        process.waitFor(30, TimeUnit.SECONDS);
        drained();
    }

    /** Waits until the output files are read to their end (the child is gone). */
    private void drained() throws InterruptedException {
        outReader.join(10_000);
        errReader.join(10_000);
    }

    private Thread readerOf(List<String> lines) {
        return lines == out ? outReader : errReader;
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("did not exit within " + timeout + "; " + describe());
        }
        drained();
        return process.exitValue();
    }

    public String describe() {
        List<String> o = out();
        List<String> e = err();
        return "command " + command + "\n--- stdout (last 30) ---\n"
                + String.join("\n", o.subList(Math.max(0, o.size() - 30), o.size()))
                + "\n--- stderr ---\n" + String.join("\n", e.subList(Math.max(0, e.size() - 60), e.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
