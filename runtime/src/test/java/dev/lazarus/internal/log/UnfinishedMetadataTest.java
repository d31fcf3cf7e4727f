package dev.lazarus.internal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A first run killed while Chronicle created the log's {@code metadata.cq4t} (a loaded machine, a
 * kill -9 in the first second) leaves its header unfinished: Chronicle then waits for a creator that
 * is gone and fails, and the application could never start again. Found by BankCrashTest on a loaded
 * CI machine.
 */
class UnfinishedMetadataTest {
    @TempDir
    Path dir;

    /** What the kill leaves: the file at its full size, its first header still marked not complete. */
    private void leaveUnfinishedMetadata(Path log) throws Exception {
        RedoLog.open(log, SyncMode.NONE, 0).close(); // creates metadata.cq4t, no record
        try (RandomAccessFile raf = new RandomAccessFile(log.resolve("metadata.cq4t").toFile(), "rw")) {
            raf.seek(0);
            raf.write(new byte[] {0, 0, 0, (byte) 0x80}); // little-endian 0x80000000: not complete, length 0
        }
    }

    @Test
    void aLogKilledWhileItsMetadataWasCreatedOpensAgainAndWorks() throws Exception {
        Path log = Files.createDirectories(dir.resolve("log"));
        leaveUnfinishedMetadata(log);
        try (RedoLog reopened = RedoLog.open(log, SyncMode.NONE, 0)) {
            byte[] record = {1, 2, 3};
            reopened.append(record, 0, record.length);
        }
        List<Integer> lengths = new ArrayList<>();
        try (RedoLog again = RedoLog.open(log, SyncMode.NONE, 0)) {
            again.replay((pos, bytes, off, len) -> lengths.add(len));
        }
        assertThat(lengths).containsExactly(3);
    }

    @Test
    void withCycleFilesPresentTheFileIsLeftAlone() throws Exception {
        Path log = Files.createDirectories(dir.resolve("log"));
        try (RedoLog first = RedoLog.open(log, SyncMode.NONE, 0)) {
            byte[] record = {1};
            first.append(record, 0, record.length);
        }
        leaveUnfinishedMetadata(log);
        assertThatThrownBy(() -> RedoLog.open(log, SyncMode.NONE, 0).close()).hasMessageContaining("Cannot open the redo log")
                .hasMessageContaining("metadata.cq4t is unfinished").hasMessageContaining("move");
        assertThat(log.resolve("metadata.cq4t")).exists();
    }
}
