package dev.lazarus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the snapshot tests look at: the files of a data directory ({@code log/*.cq4},
 * {@code snapshots/snapshot-*.lzs}, {@code *.tmp}), the recovery line, and the scripted
 * {@code dev.lazarus.it.apps.snap.SnapApp}.
 */
final class Snap {
    static final String APP = "dev.lazarus.it.apps.snap.SnapApp";
    static final Pattern RECOVERY = Pattern.compile("Lazarus recovered (\\d+) objects from (?:a snapshot of (\\d+) objects and )?"
            + "(\\d+) of (\\d+) log records(?: after it)?, (\\d+) transactions? rolled back, in (\\d+) ms \\(T_detect (\\d+) ms,"
            + " T_rollback (\\d+) ms, T_redo (\\d+) ms(?: of which snapshot load (\\d+) ms)?\\); last run (.*)");

    private Snap() {
    }

    /** The figures of a recovery line. */
    record Recovery(String line, long objects, Long snapshotObjects, long applied, long records, long rolledBack,
                    long totalMs, long detectMs, long rollbackMs, long redoMs, Long snapshotLoadMs) {
        boolean fromSnapshot() {
            return snapshotObjects != null;
        }
    }

    static Recovery parse(String line) {
        Matcher m = RECOVERY.matcher(line);
        assertThat(m.find()).as("a recovery line: %s", line).isTrue();
        return new Recovery(line, Long.parseLong(m.group(1)), m.group(2) == null ? null : Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                Long.parseLong(m.group(9)), m.group(10) == null ? null : Long.parseLong(m.group(10)));
    }

    /** The one recovery line a JVM printed on stderr (waiting a little for the stderr reader). */
    static Recovery recovery(AgentJvm jvm) throws InterruptedException {
        for (int i = 0; i < 50 && jvm.err().stream().noneMatch(l -> l.contains("Lazarus recovered")); i++) {
            Thread.sleep(100);
        }
        List<String> lines = jvm.err().stream().filter(l -> l.contains("Lazarus recovered")).toList();
        assertThat(lines).as("one recovery line; %s", jvm.describe()).hasSize(1);
        return parse(lines.get(0));
    }

    static Path snapshots(Path dir) {
        return dir.resolve("snapshots");
    }

    static Path log(Path dir) {
        return dir.resolve("log");
    }

    /** Names of the files in {@code d} that end with {@code suffix}, sorted; empty if {@code d} is missing. */
    static List<String> files(Path d, String suffix) {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finished snapshot files, oldest first (their names sort by log position). */
    static List<String> snapshotFiles(Path dir) {
        return files(snapshots(dir), ".lzs").stream().filter(n -> n.startsWith("snapshot-")).toList();
    }

    static List<String> tmpFiles(Path dir) {
        return files(snapshots(dir), ".tmp");
    }

    static List<String> logFiles(Path dir) {
        return files(log(dir), ".cq4");
    }

    /** Total size of the regular files under {@code dir} (files that vanish meanwhile count 0). */
    static long bytes(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.mapToLong(p -> {
                try {
                    return Files.isRegularFile(p) ? Files.size(p) : 0;
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** Disk space really used under {@code dir} (the log files are sparse), in KiB, from {@code du -sk}. */
    static long diskKb(Path dir) {
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            du.waitFor();
            return Long.parseLong(out.trim().split("\\s+")[0]);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1; // a file vanished while du walked: skip this sample
        }
    }

    /**
     * Polls (as fast as listing a directory allows) for a snapshot being written, i.e. a
     * {@code .tmp} file, until it holds at least {@code minBytes}; returns its name, or empty if
     * none did in time.
     */
    static Optional<String> awaitTmp(Path dir, long minBytes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String tmp : tmpFiles(dir)) {
                try {
                    if (Files.size(snapshots(dir).resolve(tmp)) >= minBytes) {
                        return Optional.of(tmp);
                    }
                } catch (IOException e) {
                    // renamed meanwhile: the write was complete
                }
            }
            Thread.onSpinWait();
        }
        return Optional.empty();
    }

    /** Flips {@code n} bytes in the middle of a file (XOR 0xFF), as a damaged disk would. */
    static void corruptMiddle(Path file, int n) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = ch.size() / 2;
            ByteBuffer b = ByteBuffer.allocate(n);
            ch.read(b, at);
            for (int i = 0; i < n; i++) {
                b.put(i, (byte) (b.get(i) ^ 0xFF));
            }
            b.rewind();
            ch.write(b, at);
            ch.force(true);
        }
    }

    /** The {@code ACK <name> <i>} lines: the highest i per name. */
    static java.util.Map<String, Long> acks(List<String> out) {
        java.util.Map<String, Long> acks = new java.util.TreeMap<>();
        for (String l : out) {
            if (l.startsWith("ACK ")) {
                String[] p = l.split(" ");
                acks.merge(p[1], Long.parseLong(p[2]), Math::max);
            }
        }
        return acks;
    }

    /** The text after {@code prefix + " "} of the first line that starts so. */
    /**
     * Whether a stderr line is a warning from Lazarus, not one the JVM itself prints on Java 22+
     * about Chronicle's native and {@code sun.misc.Unsafe} use (README, known limits).
     */
    static boolean lazarusWarning(String line) {
        return line.startsWith("WARNING") && !(line.contains("restricted method") || line.contains("Restricted methods")
                || line.contains("::load has been called") || line.contains("--enable-native-access")
                || line.contains("sun.misc.Unsafe") || line.contains("Please consider reporting"));
    }

    static String line(List<String> out, String prefix) {
        for (String l : out) {
            if (l.startsWith(prefix + " ")) {
                return l.substring(prefix.length() + 1);
            }
        }
        throw new AssertionError("no line " + prefix + " in " + out.subList(0, Math.min(out.size(), 40)));
    }

    static List<String> lines(List<String> out, String prefix) {
        List<String> r = new ArrayList<>();
        for (String l : out) {
            if (l.startsWith(prefix + " ")) {
                r.add(l.substring(prefix.length() + 1));
            }
        }
        return r;
    }

    static String stderr(AgentJvm jvm) {
        return "--- stderr ---\n" + String.join("\n", jvm.err());
    }
}
