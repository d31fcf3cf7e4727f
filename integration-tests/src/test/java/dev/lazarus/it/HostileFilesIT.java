package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log or a snapshot tampered to name a class that is not tracked (its checksums recomputed, so
 * only the class checks stand in the way) is refused at recovery, with an error naming the class
 * and the file, before any code of that class runs. And every file Lazarus writes is owner-only.
 */
class HostileFilesIT {
    private static final String APP = "dev.lazarus.it.apps.hostile.VaultApp";
    private static final String GOODS = "dev.lazarus.it.apps.hostile.Goods";
    private static final String GADGET = "dev.lazarus.it.apps.hostile.Gadgt";

    @Test
    void aLogThatNamesAnUntrackedClassIsRefusedBeforeItsCodeRuns() throws Exception {
        Path dir = AgentJvm.workDir("hostile-log");
        Crash.runAndKill(AgentJvm.app(APP).dir(dir.resolve("data")).args("fill", "ready"));
        int replaced = 0;
        for (Path cq4 : files(dir.resolve("data/log"), ".cq4")) {
            replaced += Tamper.replaceInLog(cq4, GOODS, GADGET);
        }
        assertThat(replaced).as("the class is named in the log").isPositive();
        assertRefused(dir, ".cq4");
    }

    @Test
    void aSnapshotThatNamesAnUntrackedClassIsRefusedBeforeItsCodeRuns() throws Exception {
        Path dir = AgentJvm.workDir("hostile-snapshot");
        Crash.runAndKill(AgentJvm.app(APP).dir(dir.resolve("data")).args("fill", "checkpoint", "ready"));
        List<Path> snapshots = files(dir.resolve("data/snapshots"), ".lzs");
        assertThat(snapshots).hasSize(1);
        assertThat(Tamper.replaceInSnapshot(snapshots.get(0), GOODS, GADGET)).isPositive();
        assertRefused(dir, snapshots.get(0).getFileName().toString());
    }

    private static void assertRefused(Path dir, String fileHint) throws Exception {
        Path markers = Files.createDirectories(dir.resolve("markers"));
        try (AgentJvm jvm = AgentJvm.app(APP).dir(dir.resolve("data")).jvmArg("-Dhostile.markers=" + markers)
                .args("check").start()) {
            int exit = jvm.awaitExit(Crash.TIMEOUT);
            assertThat(exit).as("recovery stops the JVM; %s", jvm.describe()).isNotZero();
            assertThat(jvm.err()).as(jvm.describe())
                    .anyMatch(l -> l.contains("recovery refused class " + GADGET) && l.contains(fileHint));
            assertThat(jvm.out()).doesNotContain("CHECKED");
        }
        try (Stream<Path> left = Files.list(markers)) {
            assertThat(left.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .as("no static initializer, constructor or readObject of the gadget ran").isEmpty();
        }
    }

    @Test
    void theDataDirectoryAndEveryFileInItAreOwnerOnly() throws Exception {
        Path dir = AgentJvm.workDir("owner-only");
        Path data = dir.resolve("data");
        Crash.runAndKill(AgentJvm.app(APP).dir(data).args("fill", "checkpoint", "ready"));
        List<String> wrong;
        try (Stream<Path> all = Files.walk(data)) {
            wrong = all.filter(p -> !modeOf(p).equals(Files.isDirectory(p) ? "rwx------" : "rw-------"))
                    .map(p -> data.relativize(p) + " " + modeOf(p)).collect(Collectors.toList());
        }
        assertThat(files(data.resolve("log"), ".cq4")).isNotEmpty();
        assertThat(files(data.resolve("snapshots"), ".lzs")).isNotEmpty();
        assertThat(wrong).as("files and directories that others can read").isEmpty();
    }

    private static String modeOf(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }
}
