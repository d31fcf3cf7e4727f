package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 1: the operator's command line, {@code java -jar lazarus-agent.jar
 * status|dump|verify|compact DIR}, on the data directory of a real application under the agent:
 * while it runs and writes (status and verify read-only, compact refused), after a {@code kill -9}, after
 * an offline compaction from which the next run recovers exactly; and on damaged files.
 */
class OperatorCliIT {
    private static final Pattern SNAPSHOT_OBJECTS = Pattern.compile("([\\d,]+) objects");
    private static final Pattern RECORDS_AFTER = Pattern.compile("([\\d,]+) records after the last snapshot");

    @Test
    void statusDumpVerifyAndCompactOnTheDirectoryOfARealApplication() throws Exception {
        Path dir = AgentJvm.workDir("cli").resolve("state");
        String state;
        long pid;
        long lastAck;
        try (AgentJvm jvm = AgentJvm.app(Snap.APP).dir(dir).option("snapshotInterval", "off").option("snapshotLogBytes", "off")
                .args("fill:2000:1", "mutate:3000:2", "checkpoint", "mutate:2000:3", "print:STATE", "counter", "ready").start()) {
            jvm.awaitLine("READY"::equals, Duration.ofSeconds(60));
            state = Snap.line(jvm.out(), "STATE");
            pid = jvm.pid();

            Cli live = Cli.run("status", dir);
            assertThat(live.exit()).as(live.describe()).isZero();
            assertThat(live.row("lock")).as(live.describe()).startsWith("held by process " + pid + " (running");
            assertThat(live.row("last snapshot")).as(live.describe()).startsWith("snapshot-");
            // the 2,000 items and their holders, and the items the 3,000 changes replaced (one in ten): the
            // first snapshot keeps what became unreachable since the start (see Unreachable)
            assertThat(snapshotObjects(live)).as(live.describe()).isBetween(2_002L + 150, 2_010L + 450);
            assertThat(recordsAfter(live)).as("the 2000 changes after the checkpoint; %s", live.describe())
                    .isGreaterThanOrEqualTo(2000);
            assertThat(live.row("estimated recovery")).as(live.describe()).matches("[\\d,]+ ms .*");

            Cli verifyLive = Cli.run("verify", dir);
            assertThat(verifyLive.exit()).as("verify reads a running application's files; %s", verifyLive.describe()).isZero();

            Cli refused = Cli.run("compact", dir, "--classpath", AgentJvm.TEST_CLASSES.toAbsolutePath());
            assertThat(refused.exit()).as("compact refuses while the application runs; %s", refused.describe()).isEqualTo(3);
            assertThat(String.join("\n", refused.err())).contains("in use by another JVM (process " + pid).contains("stop the application first");
            assertThat(jvm.out()).as("the application kept running").doesNotContain("CHECKPOINT-FAILED");
            jvm.kill9();
            lastAck = jvm.out().stream().filter(l -> l.startsWith("ACK counter ")).mapToLong(l -> Long.parseLong(l.substring(12)))
                    .max().orElseThrow();
        }

        Cli dead = Cli.run("status", dir);
        assertThat(dead.row("lock")).as(dead.describe()).isEqualTo("not held: the last holder, process " + pid + ", is not running");
        long before = recordsAfter(dead);

        Cli values = Cli.run("dump", dir, "--class", "Item", "--field", "value", "--type", "SET", "--limit", "5");
        assertThat(values.exit()).as(values.describe()).isZero();
        List<String> rows = values.out().subList(1, values.out().size());
        assertThat(rows).as(values.describe()).hasSize(5)
                .allMatch(l -> l.matches("0x[0-9a-f]+ +0 +SET +@\\d+ +dev\\.lazarus\\.it\\.apps\\.snap\\.Item\\.value +-?\\d+"));
        String oid = rows.get(0).split(" +")[3];
        Cli byOid = Cli.run("dump", dir, "--oid", oid.substring(1));
        assertThat(byOid.out().subList(1, byOid.out().size())).as(byOid.describe()).isNotEmpty()
                .allMatch(l -> l.split(" +")[3].equals(oid))
                .anyMatch(l -> l.contains(" NEW ")).anyMatch(l -> l.contains(" IMAGE ") && l.contains("{id="));
        Cli commits = Cli.run("dump", dir, "--type", "COMMIT");
        assertThat(commits.out().subList(1, commits.out().size())).as(commits.describe()).isNotEmpty().allMatch(l -> l.contains(" COMMIT "));
        String tx = commits.out().get(1).split(" +")[1];
        Cli oneTx = Cli.run("dump", dir, "--tx", tx);
        assertThat(oneTx.out().subList(1, oneTx.out().size())).as(oneTx.describe()).hasSizeGreaterThan(1)
                .allMatch(l -> l.split(" +")[1].equals(tx));
        Cli snapshot = Cli.run("dump", dir, "--snapshot", "--type", "ROOT");
        assertThat(snapshot.out()).as(snapshot.describe()).anyMatch(l -> l.matches("#\\d+ +0 +ROOT +- +dev\\.lazarus\\.it\\.apps\\.snap\\.SnapApp\\.store +@\\d+"));

        Cli verified = Cli.run("verify", dir);
        assertThat(verified.exit()).as(verified.describe()).isZero();
        assertThat(verified.out()).contains("Result: no problems (exit 0)");

        Cli compacted = Cli.run("compact", dir, "--classpath", AgentJvm.TEST_CLASSES.toAbsolutePath());
        assertThat(compacted.exit()).as(compacted.describe()).isZero();
        assertThat(compacted.out().get(0)).as(compacted.describe()).startsWith("Compacted ").contains("2,00");
        assertThat(Snap.snapshotFiles(dir)).as("only the new snapshot is kept").hasSize(1);
        Cli after = Cli.run("status", dir);
        assertThat(recordsAfter(after)).as("the log after the new snapshot; before compaction %d; %s", before, after.describe()).isZero();
        assertThat(Cli.run("verify", dir).exit()).isZero();

        try (AgentJvm check = AgentJvm.app(Snap.APP).dir(dir).args("check").start()) {
            assertThat(check.awaitExit(Duration.ofSeconds(60))).as(check.describe()).isZero();
            assertThat(Snap.line(check.out(), "STATE")).as("the compacted state is the state before the kill; %s", check.describe())
                    .isEqualTo(state);
            assertThat(Snap.recovery(check).fromSnapshot()).isTrue();
            Crash.assertAcknowledged(Long.parseLong(Snap.line(check.out(), "COUNTER")), lastAck,
                    "the counter the application kept writing while the command line read its files; " + check.describe());
        }
    }

    @Test
    void verifyReportsDamagedFilesAndUsageErrorsNameTheFix() throws Exception {
        Path dir = AgentJvm.workDir("cli-verify").resolve("state");
        try (AgentJvm jvm = AgentJvm.app(Snap.APP).dir(dir).args("fill:300:1", "mutate:500:2", "checkpoint", "mutate:300:3").start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isZero();
        }
        assertThat(Cli.run("verify", dir).exit()).isZero();

        Path badSnapshot = copy(dir, "bad-snapshot");
        Snap.corruptMiddle(Snap.snapshots(badSnapshot).resolve(Snap.snapshotFiles(badSnapshot).get(0)), 4);
        Cli v1 = Cli.run("verify", badSnapshot);
        assertThat(v1.exit()).as(v1.describe()).isEqualTo(1);
        assertThat(v1.out()).as(v1.describe()).anyMatch(l -> l.startsWith("  PROBLEM snapshot") && l.contains("checksum mismatch"));

        Path badRecord = copy(dir, "bad-record");
        Path cq4 = Snap.log(badRecord).resolve(Snap.logFiles(badRecord).get(0));
        flipFirst(cq4, "dev.lazarus.it.apps.snap.Item");
        Cli v2 = Cli.run("verify", badRecord);
        assertThat(v2.exit()).as(v2.describe()).isEqualTo(1);
        assertThat(v2.out()).as(v2.describe()).anyMatch(l -> l.contains("PROBLEM CRC mismatch in the record at index")
                && l.contains("corruption in the middle of the log"));

        Cli none = Cli.run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).anyMatch(l -> l.startsWith("Usage: java -jar lazarus-agent.jar COMMAND DIR"));
        assertUsage(Cli.run("status"), "'status' needs the data directory: java -jar lazarus-agent.jar status DIR");
        assertUsage(Cli.run("status", dir.resolve("nope")), "is not a directory. Give the dir= the application runs with");
        assertUsage(Cli.run("dump", dir, "--limit", "ten"), "--limit ten is not a number");
        assertUsage(Cli.run("dump", dir, "--colour"), "unknown option --colour for 'dump'. Valid: --class VALUE");
        assertUsage(Cli.run("compact", dir), "give its class path with --classpath CP");
        assertUsage(Cli.run("stats", dir), "unknown command 'stats'. Valid: status, dump, verify, compact");
    }

    private static void assertUsage(Cli r, String message) {
        assertThat(r.exit()).as(r.describe()).isEqualTo(2);
        assertThat(String.join("\n", r.err())).as(r.describe()).contains(message);
    }

    private static long snapshotObjects(Cli status) {
        Matcher m = SNAPSHOT_OBJECTS.matcher(status.row("last snapshot"));
        assertThat(m.find()).as(status.describe()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static long recordsAfter(Cli status) {
        Matcher m = RECORDS_AFTER.matcher(status.row("log"));
        assertThat(m.find()).as(status.describe()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static Path copy(Path dir, String name) throws Exception {
        Path to = dir.resolveSibling(name);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** Flips one byte of the first occurrence of {@code text} in the file: one record's CRC fails. */
    private static void flipFirst(Path file, String text) throws Exception {
        byte[] all = Files.readAllBytes(file);
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= all.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (all[i + j] != needle[j]) {
                    continue outer;
                }
            }
            try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) (all[i + 5] ^ 0x20)}), i + 5);
            }
            return;
        }
        throw new AssertionError(text + " not found in " + file);
    }
}
