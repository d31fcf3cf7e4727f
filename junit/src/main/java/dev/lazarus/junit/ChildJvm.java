package dev.lazarus.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One run of the application in its own JVM, its output kept line by line. */
final class ChildJvm {
    private final Process process;
    private final long startNanos = System.nanoTime();
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process process) {
        this.process = process;
        this.outReader = pump(process.getInputStream(), out, "lazarus-crash-test-stdout");
        this.errReader = pump(process.getErrorStream(), err, "lazarus-crash-test-stderr");
    }

    static ChildJvm start(List<String> command) {
        try {
            return new ChildJvm(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static Thread pump(InputStream in, List<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (sink) {
                        sink.add(line);
                        sink.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process is gone: what was read is kept
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL ({@code kill -9} on POSIX systems): no shutdown hook, no flush. Waits until the pipes are drained. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitGone();
    }

    private void awaitGone() throws InterruptedException {
        process.waitFor(60, TimeUnit.SECONDS);
        outReader.join(10_000);
        errReader.join(10_000);
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    /** The first line of standard output, from the start, that matches {@code regex} whole; waits for it. */
    String awaitLine(String regex, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (out) {
            while (true) {
                for (; seen < out.size(); seen++) {
                    if (pattern.matcher(out.get(seen)).matches()) {
                        return out.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no line of the application's output matched '" + regex + "' within "
                            + timeout.toMillis() + " ms");
                }
                if (!outReader.isAlive()) {
                    throw new AssertionError("the application ended (exit code " + exitCode()
                            + ") without printing a line that matches '" + regex + "'");
                }
                out.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
        }
    }

    private String exitCode() {
        return process.isAlive() ? "none yet" : Integer.toString(process.exitValue());
    }

    /** The last lines of both streams, for a failure message. */
    String tail(int lines) {
        List<String> o = out();
        List<String> e = err();
        return "--- stdout, last " + Math.min(lines, o.size()) + " of " + o.size() + " lines ---\n"
                + String.join("\n", o.subList(Math.max(0, o.size() - lines), o.size()))
                + "\n--- stderr, last " + Math.min(lines, e.size()) + " of " + e.size() + " lines ---\n"
                + String.join("\n", e.subList(Math.max(0, e.size() - lines), e.size()));
    }
}
