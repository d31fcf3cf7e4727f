package dev.lazarus.junit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One run of the application in its own JVM, its output kept line by line.
 *
 * <p>The output goes to files, followed as they grow, not to pipes: when a process dies by
 * SIGKILL, the JDK drains its pipes racily and can drop the last lines it wrote (seen here: lines
 * whose {@code println} had returned were missing), and a crash test must see every
 * acknowledgement the application printed.
 */
final class ChildJvm {
    private final Process process;
    private final long startNanos = System.nanoTime();
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process process, Path outFile, Path errFile) {
        this.process = process;
        this.outReader = follow(outFile, out, "lazarus-crash-test-stdout");
        this.errReader = follow(errFile, err, "lazarus-crash-test-stderr");
    }

    static ChildJvm start(List<String> command) {
        try {
            Path outFile = Files.createTempFile("lazarus-crash-test-", ".out");
            Path errFile = Files.createTempFile("lazarus-crash-test-", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(outFile.toFile()).redirectError(errFile.toFile())
                    .start();
            return new ChildJvm(process, outFile, errFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Reads {@code file} as the process writes it, until the process is gone and the file read to its end. */
    private Thread follow(Path file, List<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                while (true) {
                    boolean gone = !process.isAlive(); // checked before reading: what it wrote is in the file
                    int n = in.read(buf);
                    if (n > 0) {
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                add(sink, line);
                            } else {
                                line.write(buf[i]);
                            }
                        }
                    } else if (gone) {
                        if (line.size() > 0) {
                            add(sink, line); // a last line without its newline
                        }
                        return;
                    } else {
                        Thread.sleep(5);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the file is gone: what was read is kept
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void add(List<String> sink, ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        synchronized (sink) {
            sink.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            sink.notifyAll();
        }
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
