package dev.lazarus.internal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CRC checks, torn tails and corruption in the middle, by editing the .cq4 file. */
class RedoLogCorruptionTest {
    private static final long NOW = 1_700_000_000_000L; // one cycle file, whatever the hour

    @TempDir
    Path dir;

    private RedoLog open() {
        return RedoLog.open(dir, SyncMode.NONE, 0, RedoLog.DEFAULT_ROLL_CYCLE, () -> NOW);
    }

    private long[] write(int n) {
        long[] pos = new long[n];
        try (RedoLog log = open()) {
            for (int i = 0; i < n; i++) {
                byte[] p = Payloads.make(0, 0, i);
                pos[i] = log.append(p, 0, p.length);
            }
        }
        return pos;
    }

    private Path cq4() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> l = files.filter(p -> p.toString().endsWith(".cq4")).collect(Collectors.toList());
            assertThat(l).hasSize(1);
            return l.get(0);
        }
    }

    /** Offset in the file of the payload of record {@code seq} (its 16-byte header is unique). */
    private static long payloadOffset(Path file, long seq) throws IOException {
        byte[] needle = new byte[Payloads.HEADER];
        System.arraycopy(Payloads.make(0, 0, seq), 0, needle, 0, Payloads.HEADER);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] data = new byte[(int) Math.min(raf.length(), 8 << 20)];
            raf.readFully(data);
            int at = Payloads.indexOf(data, needle);
            if (at >= 0)
                return at;
        }
        throw new AssertionError("record " + seq + " not found in " + file);
    }

    private static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x40);
        }
    }

    private static void writeIntLE(Path file, long offset, int value) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.writeInt(Integer.reverseBytes(value));
        }
    }

    private static List<Long> seqs(RedoLog log, ReplayResult[] result) {
        List<Long> out = new ArrayList<>();
        result[0] = log.replay((pos, buf, off, len) -> out.add(Payloads.check(buf, off, len)[2]));
        return out;
    }

    @Test
    void aDamagedRecordInTheMiddleIsReportedWithFileAndIndex() throws IOException {
        long[] pos = write(100);
        Path file = cq4();
        flip(file, payloadOffset(file, 50) + Payloads.HEADER + 1);
        try (RedoLog log = open()) {
            List<Long> delivered = new ArrayList<>();
            assertThatThrownBy(() -> log.replay((p, b, o, l) -> delivered.add(Payloads.check(b, o, l)[2])))
                    .isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining(file.getFileName().toString())
                    .hasMessageContaining("0x" + Long.toHexString(pos[50]))
                    .hasMessageContaining("CRC mismatch")
                    .satisfies(e -> {
                        LogCorruptedException x = (LogCorruptedException) e;
                        assertThat(x.position()).isEqualTo(pos[50]);
                        assertThat(x.file().toPath().getFileName()).isEqualTo(file.getFileName());
                    });
            assertThat(delivered).hasSize(50); // everything before it, nothing after
        }
    }

    @Test
    void aDamagedLastRecordIsATornTailAndIsVoidedByTheNextAppend() throws IOException {
        long[] pos = write(100);
        Path file = cq4();
        flip(file, payloadOffset(file, 99) + 3);
        ReplayResult[] r = new ReplayResult[1];
        try (RedoLog log = open()) {
            assertThat(seqs(log, r)).hasSize(99);
            assertThat(r[0].tornTail()).isTrue();
            assertThat(r[0].tornPosition()).isEqualTo(pos[99]);
            assertThat(r[0].lastPosition()).isEqualTo(pos[98]);
            byte[] p = Payloads.make(0, 0, 100);
            log.append(p, 0, p.length);
            // the torn record is now in the middle, but voided
            List<Long> after = seqs(log, r);
            assertThat(after).hasSize(100);
            assertThat(after.get(99)).isEqualTo(100);
            assertThat(r[0].tornTail()).isFalse();
            assertThat(r[0].voided()).isEqualTo(1);
        }
        try (RedoLog log = open()) { // and stays so
            assertThat(seqs(log, r)).hasSize(100);
            assertThat(r[0].voided()).isEqualTo(1);
        }
    }

    @Test
    void severalDamagedRecordsAtTheEndAreOneTornTail() throws IOException {
        long[] pos = write(100);
        Path file = cq4();
        for (int i = 97; i < 100; i++)
            flip(file, payloadOffset(file, i) + Payloads.HEADER);
        ReplayResult[] r = new ReplayResult[1];
        try (RedoLog log = open()) {
            assertThat(seqs(log, r)).hasSize(97);
            assertThat(r[0].tornTail()).isTrue();
            assertThat(r[0].tornPosition()).isEqualTo(pos[97]);
        }
    }

    @Test
    void aTornTailNotVoidedBeforeMoreRecordsIsCorruption() throws IOException {
        // damage a record, then append without replaying first: no void marker was written
        write(10);
        Path file = cq4();
        flip(file, payloadOffset(file, 9) + 2);
        try (RedoLog log = open()) {
            byte[] p = Payloads.make(0, 0, 10);
            log.append(p, 0, p.length);
            assertThatThrownBy(() -> log.replay((a, b, c, d) -> { })).isInstanceOf(LogCorruptedException.class);
        }
    }

    @Test
    void anUnreadableHeaderInTheMiddleIsCorruptionNotASilentEnd() throws IOException {
        // a zeroed header (a page lost in a power loss) stops Chronicle's reading; without the check
        // replay would end quietly after 50 records, and new appends would land after the 49 unseen ones
        long[] pos = write(100);
        Path file = cq4();
        writeIntLE(file, payloadOffset(file, 50) - 8, 0); // header, CRC, payload
        try (RedoLog log = open()) {
            assertThatThrownBy(() -> log.replay((a, b, c, d) -> { }))
                    .isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining(file.getFileName().toString())
                    .hasMessageContaining("0x" + Long.toHexString(pos[49]))
                    .hasMessageContaining("0x" + Long.toHexString(pos[99]));
        }
    }

    @Test
    void anIncompleteDocumentAtTheEndIsATornTail() throws IOException {
        write(20);
        Path file = cq4();
        long last = payloadOffset(file, 19);
        long end = last + Payloads.make(0, 0, 19).length;
        end += (-end) & 3;
        // what a writer that announces its document before writing it leaves: header "not complete"
        writeIntLE(file, end, 0x8000_0000 | 40);
        ReplayResult[] r = new ReplayResult[1];
        try (RedoLog log = open()) {
            assertThat(seqs(log, r)).hasSize(20);
            assertThat(r[0].tornTail()).isTrue();
            byte[] p = Payloads.make(0, 0, 20);
            log.append(p, 0, p.length); // Chronicle overwrites the incomplete header
            List<Long> after = seqs(log, r);
            assertThat(after).hasSize(21);
            assertThat(r[0].tornTail()).isFalse();
        }
    }
}
