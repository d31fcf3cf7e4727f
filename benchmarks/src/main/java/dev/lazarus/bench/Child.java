package dev.lazarus.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by the run (not by JMH): a benchmark "app" whose results come back as
 * {@code FIG name key=value...} lines on its standard output ({@link #fig}). Its output, and the
 * agent's lines on stderr, are kept in a log file that starts with the command line. A name may
 * come more than once (one figure per round, per window...): {@link #figs} has them all.
 */
public final class Child {
    private final Process process;
    private final long startNanos;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, List<Map<String, String>>> figures = new LinkedHashMap<>();
    private final Map<String, Long> seenAt = new LinkedHashMap<>();
    private final Thread reader;
    private final String label;
    private final Path log;

    private final String command;

    private Child(String label, Process process, long startNanos, Path log, String command) {
        this.label = label;
        this.process = process;
        this.startNanos = startNanos;
        this.log = log;
        this.command = command;
        this.reader = new Thread(this::read, "child-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /** Prints one result line: {@code FIG name k=v k=v}. For the child side. */
    public static void fig(String name, Object... kv) {
        StringBuilder b = new StringBuilder("FIG ").append(name);
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            b.append(' ').append(kv[i]).append('=')
                    .append(v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.4f", d) : String.valueOf(v));
        }
        System.out.println(b);
        System.out.flush();
    }

    /** Starts {@code java jvmArgs -cp <this class path> main args}. */
    static Child start(Ctx ctx, String label, List<String> jvmArgs, String main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        if (jvmArgs.stream().noneMatch(a -> a.equals("-cp") || a.equals("-classpath"))) {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
        }
        cmd.add(main);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LAZARUS_"));
        Path log = ctx.logs.resolve(label.replaceAll("[^A-Za-z0-9._-]+", "_") + ".log");
        try {
            long t0 = System.nanoTime();
            Process p = pb.start();
            return new Child(label, p, t0, log, String.join(" ", cmd));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            out.println("# " + command); // to rerun one child by hand
            String line;
            while ((line = r.readLine()) != null) {
                long now = System.nanoTime() - startNanos;
                out.println(line);
                out.flush();
                synchronized (this) {
                    lines.add(line);
                    if (line.startsWith("FIG ")) {
                        String[] parts = line.substring(4).trim().split(" ");
                        Map<String, String> kv = new LinkedHashMap<>();
                        for (int i = 1; i < parts.length; i++) {
                            int eq = parts[i].indexOf('=');
                            if (eq > 0) {
                                kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                            }
                        }
                        figures.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(kv);
                        seenAt.putIfAbsent(parts[0], now);
                    }
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed: its pipe closed
        }
    }

    /**
     * Waits for the figure {@code name}; returns its values (the latest, if it came more than once).
     * Fails if the child dies or the time runs out.
     */
    synchronized Map<String, String> await(String name, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!figures.containsKey(name)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                process.destroyForcibly();
                throw new IllegalStateException(label + ": no '" + name + "' within " + timeoutSeconds + " s; see " + log);
            }
            if (!process.isAlive() && !reader.isAlive()) {
                throw new IllegalStateException(label + " exited (" + process.exitValue() + ") before '" + name
                        + "'; see " + log + tail());
            }
            try {
                wait(Math.min(100, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<Map<String, String>> all = figures.get(name);
        return all.get(all.size() - 1);
    }

    /** Every figure {@code name} printed so far, in order; empty if none. */
    synchronized List<Map<String, String>> figs(String name) {
        return List.copyOf(figures.getOrDefault(name, List.of()));
    }

    /** Nanoseconds from the start of the process to the moment the figure {@code name} was printed. */
    synchronized long nanosTo(String name) {
        Long t = seenAt.get(name);
        if (t == null) {
            throw new IllegalStateException(label + ": no figure " + name);
        }
        return t;
    }

    /** kill -9 (SIGKILL on Linux), and waits for the process to be gone. */
    void kill9() {
        process.destroyForcibly();
        waitFor(60);
    }

    /** Waits for a normal exit; fails on a non-zero status. */
    void waitExit(long timeoutSeconds) {
        int code = waitFor(timeoutSeconds);
        if (code != 0) {
            throw new IllegalStateException(label + " exited with " + code + "; see " + log + tail());
        }
    }

    private int waitFor(long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                throw new IllegalStateException(label + " did not end within " + timeoutSeconds + " s; see " + log);
            }
            reader.join(5000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fails, with the end of the output, if the child has ended (for a child that should run until killed). */
    synchronized void ensureAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(label + " ended early (" + process.exitValue() + "); see " + log + tail());
        }
    }

    /** The whole output lines that contain {@code text}, in order. */
    synchronized List<String> linesWith(String text) {
        return lines.stream().filter(l -> l.contains(text)).toList();
    }

    /** The first output line that starts with {@code prefix}, or null. */
    synchronized String line(String prefix) {
        for (String l : lines) {
            int at = l.indexOf(prefix);
            if (at >= 0) {
                return l.substring(at);
            }
        }
        return null;
    }

    private synchronized String tail() {
        int from = Math.max(0, lines.size() - 15);
        return lines.isEmpty() ? "" : "\n  " + String.join("\n  ", lines.subList(from, lines.size()));
    }
}
