package dev.lazarus.internal.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A snapshot with any one byte flipped, or cut anywhere, is refused with its file named; and it is owner-only. */
class SnapshotFileCorruptionTest {
    @TempDir
    Path dir;

    private Path write() {
        try (SnapshotFile.Writer w = new SnapshotFile.Writer(dir, 0x1234)) {
            for (int i = 0; i < 20; i++) {
                byte[] r = new byte[5 + i];
                java.util.Arrays.fill(r, (byte) (i * 13 + 1));
                w.record(r, 0, r.length);
            }
            return w.finish(0x1234, 99, 7, 20);
        }
    }

    @Test
    void everyFlippedByteAndEveryCutIsDetected() throws IOException {
        Path file = write();
        byte[] good = Files.readAllBytes(file);
        assertThat(SnapshotFile.verify(file).objects()).isEqualTo(20);
        int tried = 0, detected = 0;
        for (int i = 0; i < good.length; i++) {
            for (int bit : new int[] {0, 7}) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                Files.write(file, bad);
                tried++;
                assertThatThrownBy(() -> SnapshotFile.verify(file)).hasMessageContaining(file.toString());
                detected++;
            }
        }
        for (int len = 0; len < good.length; len++) {
            Files.write(file, java.util.Arrays.copyOf(good, len));
            tried++;
            assertThatThrownBy(() -> SnapshotFile.verify(file)).hasMessageContaining(file.toString());
            detected++;
        }
        System.out.printf("snapshot damage: %d tried, %d detected%n", tried, detected);
    }

    @Test
    void theFileIsOwnerOnly() throws IOException {
        Path file = write();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
