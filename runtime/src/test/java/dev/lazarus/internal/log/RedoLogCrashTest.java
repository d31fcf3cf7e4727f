package dev.lazarus.internal.log;

import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real child JVMs, killed with SIGKILL at random moments while two threads append: every
 * acknowledged record must be there, intact, in order, and the reopened log takes appends after them.
 * Timings go to {@code target/redo-crash-timings-*.txt}, for reading only: a timed assertion fails
 * on a loaded machine when the code is right (CI once saw a 758 ms first append while other JVMs ran);
 * speed is the benchmarks' job ({@code RtoIT} and {@code benchmarks/}).
 */
class RedoLogCrashTest {
    private static final SyncMode[] MODES = {SyncMode.INTERVAL, SyncMode.NONE, SyncMode.ALWAYS, SyncMode.INTERVAL, SyncMode.NONE};
    private static final int PARENT_THREAD = 9;
    private static final int PARENT_RECORDS = 1000;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedRecordSurvivesKill9AndTheLogReopens() throws Exception {
        crashLoop("log", MODES, false, 50, 500);
    }

    @Test
    void killsDuringCycleFileRollsLoseNothing() throws Exception {
        // a new cycle file every second: some kills land while the writer rolls to a new file
        crashLoop("rolling", new SyncMode[]{SyncMode.INTERVAL, SyncMode.ALWAYS, SyncMode.NONE}, true, 700, 1800);
    }

    private void crashLoop(String name, SyncMode[] modes, boolean secondly, int minSleepMs, int maxSleepMs) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        // acked.get(run)[thread] = highest acknowledged seq (-1: none)
        List<long[]> acked = new ArrayList<>();
        List<String> timings = new ArrayList<>();
        timings.add("seed " + seed);

        for (int run = 0; run < modes.length; run++) {
            SyncMode mode = modes[run];
            Process child = start(List.of("crash", dir.toString(), Integer.toString(run), mode.name(),
                    secondly ? "secondly" : "default"), null);
            long[] maxAck = {-1, -1};
            List<String> unexpected = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch firstAck = new CountDownLatch(1);
            Thread out = reader(child.getInputStream(), line -> {
                if (line.equals("READY")) {
                    ready.countDown();
                } else if (line.startsWith("A ")) {
                    String[] f = line.split(" ");
                    int t = Integer.parseInt(f[1]);
                    long seq = Long.parseLong(f[2]);
                    synchronized (maxAck) {
                        if (seq != maxAck[t] + 1)
                            unexpected.add("out of order ack: " + line + " after " + maxAck[t]);
                        maxAck[t] = seq;
                    }
                    firstAck.countDown();
                } else {
                    unexpected.add(line);
                }
            });
            StringBuilder err = new StringBuilder();
            Thread errReader = reader(child.getErrorStream(), line -> {
                synchronized (err) {
                    err.append(line).append('\n');
                }
            });
            try {
                await(ready, child, "child ready", err);
                await(firstAck, child, "child appending", err);
                Thread.sleep(minSleepMs + random.nextInt(maxSleepMs - minSleepMs));
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux
                child.waitFor(30, TimeUnit.SECONDS);
            }
            out.join(10_000);
            errReader.join(10_000);
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            synchronized (err) {
                assertThat(err.toString()).as("child stderr").isEmpty();
            }
            assertThat(unexpected).as("unexpected child output").isEmpty();
            synchronized (maxAck) {
                acked.add(maxAck.clone());
            }

            // Reopen in this JVM, as recovery would.
            long t0 = System.nanoTime();
            RedoLog log = secondly
                    ? RedoLog.open(dir, SyncMode.INTERVAL, 1000, TestRollCycles.TEST_SECONDLY, System::currentTimeMillis)
                    : RedoLog.open(dir, SyncMode.INTERVAL, 1000);
            long t1 = System.nanoTime();
            Map<Long, Long> next = new HashMap<>(); // (run << 8 | thread) -> next expected seq
            long[] last = {RedoLog.NO_POSITION};
            ReplayResult result;
            try {
                result = log.replay((pos, buf, off, len) -> {
                    assertThat(pos).isGreaterThan(last[0]);
                    last[0] = pos;
                    long[] who = Payloads.check(buf, off, len);
                    long key = who[0] << 8 | who[1];
                    long expected = next.getOrDefault(key, 0L);
                    if (who[2] != expected)
                        throw new AssertionError("run " + who[0] + " thread " + who[1] + ": seq " + who[2] + " where " + expected + " expected");
                    next.put(key, expected + 1);
                });
                long t2 = System.nanoTime();
                for (int r = 0; r <= run; r++) {
                    for (int t = 0; t < 2; t++) {
                        long have = next.getOrDefault((long) r << 8 | t, 0L);
                        assertThat(have - 1).as("run %d thread %d: records replayed vs acknowledged", r, t)
                                .isGreaterThanOrEqualTo(acked.get(r)[t]);
                    }
                    if (r < run)
                        assertThat(next.get((long) r << 8 | PARENT_THREAD)).as("parent records of run %d", r).isEqualTo(PARENT_RECORDS);
                }
                assertThat(result.tornTail()).isFalse();

                byte[] p0 = Payloads.make(run, PARENT_THREAD, 0);
                long t3 = System.nanoTime();
                long first = log.append(p0, 0, p0.length);
                long t4 = System.nanoTime();
                assertThat(first).isGreaterThan(last[0]);
                for (int i = 1; i < PARENT_RECORDS; i++) {
                    byte[] p = Payloads.make(run, PARENT_THREAD, i);
                    log.append(p, 0, p.length);
                }
                log.forceAll();
                long t5 = System.nanoTime();
                timings.add(String.format(name + " run %d (%s): acked %d+%d, replayed %d; open %.1f ms, replay %.1f ms,"
                                + " first append %.3f ms, %d appends + forceAll %.1f ms",
                        run, mode, acked.get(run)[0] + 1, acked.get(run)[1] + 1, result.records(),
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t4 - t3) / 1e6, PARENT_RECORDS, (t5 - t3) / 1e6));
            } finally {
                log.close();
            }
        }
        report("redo-crash-timings-" + name + ".txt", String.join("\n", timings) + "\n");
    }

    @Test
    void chronicleIsSilentAndOffline() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("quiet"));
        Path home = Files.createDirectory(tmp.resolve("home"));
        Process child = start(List.of("quiet", dir.toString()), home);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread o = reader(child.getInputStream(), l -> out.append(l).append('\n'));
        Thread e = reader(child.getErrorStream(), l -> err.append(l).append('\n'));
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        o.join(10_000);
        e.join(10_000);
        assertThat(err.toString()).as("stderr").isEmpty();
        assertThat(out.toString()).as("stdout").isEqualTo("OK\n");
        assertThat(child.exitValue()).isZero();
        try (Stream<Path> files = Files.list(home)) {
            // (Chronicle's eager native set-up makes JNA create ~/.cache/JNA/temp for its library: not ours to stop)
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("nothing of Chronicle's in user.home (e.g. ~/.chronicle.analytics.*)")
                    .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("chronicle"));
        }
    }

    /** Measurements go to target/ rather than the console; best effort. */
    static void report(String file, String text) {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            Files.writeString(target.resolve(file), text);
        } catch (IOException | RuntimeException e) {
            // a concurrent clean: the measurement is lost, the test is not
        }
    }

    private static String childClassPath;

    /**
     * The test class path, with its directories ({@code target/classes}, {@code target/test-classes})
     * copied once: a child must not depend on them staying in place for the whole test (a
     * concurrent build of the module may clean them).
     */
    private static synchronized String childClassPath() throws IOException {
        if (childClassPath != null)
            return childClassPath;
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path copies = Files.createTempDirectory("lazarus-child-cp");
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : cp.split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                Path copy = copies.resolve(Integer.toString(i++));
                try (Stream<Path> tree = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) tree::iterator) {
                        Path to = copy.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f))
                            Files.createDirectories(to);
                        else
                            Files.copy(f, to);
                    }
                }
                entries.add(copy.toString());
            } else {
                entries.add(e);
            }
        }
        childClassPathCopies = copies;
        childClassPath = String.join(java.io.File.pathSeparator, entries);
        return childClassPath;
    }

    private static Path childClassPathCopies;

    @AfterAll
    static synchronized void deleteClassPathCopies() throws IOException {
        if (childClassPathCopies == null)
            return;
        try (Stream<Path> tree = Files.walk(childClassPathCopies)) {
            for (Path f : (Iterable<Path>) tree.sorted(java.util.Comparator.reverseOrder())::iterator)
                Files.deleteIfExists(f);
        }
        childClassPathCopies = null;
        childClassPath = null;
    }

    private static void await(CountDownLatch latch, Process child, String what, StringBuilder err) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!latch.await(20, TimeUnit.MILLISECONDS)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.waitFor(2, TimeUnit.SECONDS);
                synchronized (err) {
                    throw new AssertionError(what + " failed (child alive: " + child.isAlive() + "); stderr: " + err);
                }
            }
        }
    }

    /** A JVM like this one (same class path, same Chronicle flags) running {@link RedoLogCrashChild}. */
    private static Process start(List<String> args, Path userHome) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("--add-exports") || a.startsWith("--enable-native-access")
                    || a.startsWith("--sun-misc-unsafe-memory-access"))
                cmd.add(a);
        }
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        if (userHome != null)
            cmd.add("-Duser.home=" + userHome);
        cmd.add("-cp");
        cmd.add(childClassPath());
        cmd.add(RedoLogCrashChild.class.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.directory(Path.of(args.get(1)).getParent().toFile()); // Chronicle reads ./system.properties
        return pb.start();
    }

    private static final AtomicInteger READERS = new AtomicInteger();

    private static Thread reader(InputStream in, java.util.function.Consumer<String> onLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; )
                    onLine.accept(line);
            } catch (IOException e) {
                // stream closed by the kill
            }
        }, "child-reader-" + READERS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return t;
    }
}
