package dev.lazarus.it.torture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The power-loss file system ({@code lossyfs.py}, a FUSE layer that holds every write until the
 * file is forced) mounted over a backing directory, and the power cut.
 */
final class LossyFs implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";
    private static final Pattern LOST = Pattern.compile("lost (\\d+) held pieces \\((\\d+) bytes\\)");

    private final Path mountpoint;
    private final Path control;
    private final Path stderr;
    private final Process process;

    private LossyFs(Path mountpoint, Path control, Path stderr, Process process) {
        this.mountpoint = mountpoint;
        this.control = control;
        this.stderr = stderr;
        this.process = process;
    }

    /** Why this machine cannot run the power-loss test, or null if it can. */
    static String unavailable() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "it mounts a FUSE file system: run it as root";
        }
        if (!Files.exists(Path.of("/dev/fuse"))) {
            return "/dev/fuse is missing";
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import fusepy").redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "Debian's python3-fusepy is not installed (apt-get install -y fuse python3-fusepy;"
                    + " integration-tests/torture.sh does it)";
        }
        return null;
    }

    static LossyFs mount(Path script, Path backing, Path mountpoint, Path fsyncLog) throws IOException, InterruptedException {
        Files.createDirectories(backing);
        Files.createDirectories(mountpoint);
        Path control = mountpoint.resolveSibling("power-cut");
        Files.deleteIfExists(control);
        Path stderr = mountpoint.resolveSibling("lossyfs.err");
        Process process = new ProcessBuilder(PYTHON, script.toString(), backing.toString(), mountpoint.toString(),
                fsyncLog.toString(), control.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!mounted(mountpoint)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("lossyfs did not mount " + mountpoint + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        return new LossyFs(mountpoint, control, stderr, process);
    }

    private static boolean mounted(Path mountpoint) throws IOException {
        return Files.readString(Path.of("/proc/mounts"), StandardCharsets.UTF_8).contains(" " + mountpoint + " fuse");
    }

    /**
     * The power cut: {@code all} loses every write not forced; {@code half} first lets a random half
     * of them through, in 4 KiB pieces in random order. Returns the bytes lost.
     */
    long cut(String how) throws IOException, InterruptedException {
        String before = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        Files.writeString(control, how);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("lossyfs did not stop on the power cut");
        }
        String said = Files.readString(stderr, StandardCharsets.UTF_8).substring(before.length());
        Matcher m = LOST.matcher(said);
        if (!m.find()) {
            throw new IllegalStateException("lossyfs said nothing about the power cut: " + said);
        }
        return Long.parseLong(m.group(2));
    }

    /** Detaches the dead mount (lazily: the killed application may still hold files there). */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        new ProcessBuilder("umount", "-l", mountpoint.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(control);
    }
}
