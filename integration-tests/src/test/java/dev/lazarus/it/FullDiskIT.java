package dev.lazarus.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data directory on a small tmpfs that fills up, in each sync mode: the write that cannot be
 * logged fails with an error naming the directory, the free space and the fix; a snapshot that
 * cannot be written deletes nothing; once space returns, a restart recovers every acknowledged
 * change and goes on. Skipped where a tmpfs cannot be mounted (needs root).
 */
class FullDiskIT {
    private static final String APP = "dev.lazarus.it.apps.fulldisk.FullDiskApp";

    @ParameterizedTest
    @ValueSource(strings = {"always", "interval", "none"})
    void aFullDiskFailsTheWriteKeepsWhatWasAcknowledgedAndRecoversWhenSpaceReturns(String sync) throws Exception {
        Path work = AgentJvm.workDir("full-disk-" + sync);
        Path mnt = Files.createDirectories(work.resolve("mnt"));
        mount(mnt, "size=3m");
        try {
            Path data = mnt.resolve("data");
            Path go = work.resolve("go");
            long acked;
            try (AgentJvm jvm = AgentJvm.app(APP).dir(data).option("sync", sync).args("fill", go.toString()).start()) {
                String failed = jvm.awaitLine(l -> l.startsWith("FAILED "), Duration.ofSeconds(90));
                assertThat(failed).contains("LogWriteException").contains("cannot write the redo log in " + data)
                        .contains("bytes free").contains("Fix:");
                jvm.awaitLine("BLOCKED"::equals, Crash.TIMEOUT);
                acked = lastAck(jvm.out());
                assertThat(acked).isPositive();
                assertThat(jvm.out()).as("the snapshot cannot be written either").anyMatch(l -> l.startsWith("CHECKPOINT-FAILED"));
                assertThat(listing(data.resolve("snapshots"))).as("it deletes nothing, leaves nothing behind")
                        .hasSize(1).allMatch(n -> n.endsWith(".lzs"));
                run("mount", "-o", "remount,size=64m", mnt.toString()); // space returns
                Files.writeString(go, "go");
                jvm.awaitLine("READY"::equals, Crash.TIMEOUT);
                assertThat(jvm.out()).as("the log refuses changes until a restart").anyMatch(l -> l.startsWith("RETRY-FAILED"));
                jvm.kill9();
            }
            Crash.Run check = Crash.check(AgentJvm.app(APP).dir(data).option("sync", sync).args("check"));
            assertThat(Crash.prefixed(check.out(), "COUNT")).as(check.description()).containsExactly(Long.toString(acked));
            assertThat(check.out()).contains("WROTE");
            Crash.Run again = Crash.check(AgentJvm.app(APP).dir(data).option("sync", sync).args("check"));
            assertThat(Crash.prefixed(again.out(), "COUNT")).as("the run after goes on").containsExactly(Long.toString(acked + 1));
        } finally {
            unmount(mnt);
        }
    }

    private static long lastAck(List<String> out) {
        long last = 0;
        for (String l : out) {
            if (l.startsWith("ACK ")) {
                last = Long.parseLong(l.substring(4));
            }
        }
        return last;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void mount(Path dir, String options) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a tmpfs at " + dir + " (needs root): " + out.trim());
    }

    /**
     * A child JVM killed a moment ago may still hold its mapped files: retry, then detach lazily, so
     * that a failure inside the test is what gets reported, not the clean-up.
     */
    private static void unmount(Path mnt) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (exitCode("umount", mnt.toString()) != 0) {
            if (System.nanoTime() > deadline) {
                exitCode("umount", "-l", mnt.toString());
                return;
            }
            Thread.sleep(100);
        }
    }

    private static int exitCode(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
