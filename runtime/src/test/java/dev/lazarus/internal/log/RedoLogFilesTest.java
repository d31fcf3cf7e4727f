package dev.lazarus.internal.log;

import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cycle files deleted, moved or swapped, and {@link OnCorruption#TRUNCATE}: nothing in the middle
 * is skipped silently, and a cut keeps the prefix and moves the rest aside.
 */
class RedoLogFilesTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final int PER_CYCLE = 10;

    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(T0);

    private RedoLog open(OnCorruption on) {
        return RedoLog.open(dir, SyncMode.NONE, 0, TestRollCycles.TEST_SECONDLY, clock::get, on);
    }

    /** Three cycle files of ten records each (sequence numbers 0..29), written by one run. */
    private void write3Cycles() {
        try (RedoLog log = open(OnCorruption.STOP)) {
            for (int c = 0; c < 3; c++) {
                clock.set(T0 + c * 1000L);
                for (int i = 0; i < PER_CYCLE; i++) {
                    byte[] p = Payloads.make(7, 0, c * PER_CYCLE + i);
                    log.append(p, 0, p.length);
                }
            }
        }
    }

    private List<Path> cycleFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".cq4")).sorted().collect(Collectors.toList());
        }
    }

    private List<Long> replay(RedoLog log) {
        List<Long> out = new ArrayList<>();
        log.replay((pos, b, o, l) -> out.add(Payloads.check(b, o, l)[2]));
        return out;
    }

    private static List<Long> seq(int from, int to) {
        List<Long> l = new ArrayList<>();
        for (long i = from; i < to; i++)
            l.add(i);
        return l;
    }

    @Test
    void aMissingMiddleCycleFileIsDetected() throws IOException {
        write3Cycles();
        List<Path> files = cycleFiles();
        assertThat(files).hasSize(3);
        Files.move(files.get(1), dir.resolve("elsewhere.bak"));
        try (RedoLog log = open(OnCorruption.STOP)) {
            List<Long> got = new ArrayList<>();
            assertThatThrownBy(() -> log.replay((pos, b, o, l) -> got.add(Payloads.check(b, o, l)[2])))
                    .isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining("missing")
                    .hasMessageContaining(files.get(2).getFileName().toString())
                    .hasMessageContaining("offset")
                    .hasMessageContaining("onCorruption=truncate");
            assertThat(got).as("nothing after the gap is delivered").isEqualTo(seq(0, 10));
        }
    }

    @Test
    void truncateAtAMissingMiddleFileKeepsWhatPrecedesTheGap() throws IOException {
        write3Cycles();
        List<Path> files = cycleFiles();
        Files.move(files.get(1), dir.resolve("elsewhere.bak"));
        try (RedoLog log = open(OnCorruption.TRUNCATE)) {
            List<Long> got = new ArrayList<>();
            log.replay((pos, b, o, l) -> got.add(Payloads.check(b, o, l)[2]));
            assertThat(got).as("the record after the gap is not delivered either").isEqualTo(seq(0, 10));
            assertThat(replay(log)).isEqualTo(seq(0, 10));
        }
        assertThat(cycleFiles()).containsExactly(files.get(0));
    }

    @Test
    void aMissingFirstCycleFileIsDetected() throws IOException {
        write3Cycles();
        Files.move(cycleFiles().get(0), dir.resolve("elsewhere.bak"));
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThatThrownBy(() -> replay(log)).isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining("the log's first file");
        }
    }

    @Test
    void aDeletedNewestCycleFileIsDetectedAndTruncateAcceptsIt() throws IOException {
        write3Cycles();
        List<Path> files = cycleFiles();
        Files.move(files.get(2), dir.resolve("elsewhere.bak"));
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThatThrownBy(() -> replay(log)).isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining("newest file " + files.get(2).getFileName())
                    .hasMessageContaining("is missing")
                    .hasMessageContaining("onCorruption=truncate");
        }
        assertThat(cycleFiles()).as("stop changes nothing on disk").isEqualTo(files.subList(0, 2));
        try (RedoLog log = open(OnCorruption.TRUNCATE)) {
            assertThat(replay(log)).isEqualTo(seq(0, 20));
        }
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThat(replay(log)).as("accepted once, not refused again").isEqualTo(seq(0, 20));
        }
    }

    @Test
    void aDeletedNewestCycleFileIsDetectedWhenTheHeadFollowsForces() throws IOException {
        try (RedoLog log = RedoLog.open(dir, SyncMode.ALWAYS, 0, TestRollCycles.TEST_SECONDLY, clock::get, OnCorruption.STOP)) {
            for (int c = 0; c < 3; c++) {
                clock.set(T0 + c * 1000L);
                byte[] p = Payloads.make(7, 0, c);
                log.commit(log.append(p, 0, p.length));
            }
        }
        List<Path> files = cycleFiles();
        assertThat(files).hasSize(3);
        Files.delete(files.get(2));
        try (RedoLog log = RedoLog.open(dir, SyncMode.ALWAYS, 0, TestRollCycles.TEST_SECONDLY, clock::get, OnCorruption.STOP)) {
            assertThatThrownBy(() -> replay(log)).isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining("newest file " + files.get(2).getFileName());
        }
        assertThat(LogHead.missing(dir, 1)).as("what verify reports").contains(files.get(2).getFileName().toString());
    }

    @Test
    void aDeletedWholeLogIsDetected() throws IOException {
        write3Cycles();
        for (Path f : cycleFiles())
            Files.delete(f);
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThatThrownBy(() -> replay(log)).isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining("no cycle file is left");
        }
    }

    @Test
    void aCutMovesTheHeadBackSoTheNextStartIsNotRefused() throws IOException {
        write3Cycles();
        flipInRecord(cycleFiles().get(1), 14);
        try (RedoLog log = open(OnCorruption.TRUNCATE)) {
            assertThat(replay(log)).isEqualTo(seq(0, 14));
        }
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThat(replay(log)).as("the newest file was moved aside by the cut, not lost").isEqualTo(seq(0, 14));
        }
    }

    @Test
    void aHeadThatIsBehindOrDamagedIsNoReasonToRefuse() throws IOException {
        write3Cycles();
        Path head = dir.resolve(LogHead.FILE_NAME);
        assertThat(head).exists();
        Files.delete(head); // a crash before the head was written, or a log from before heads existed
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThat(replay(log)).isEqualTo(seq(0, 30));
        }
        Files.writeString(head, "cycle=99\nfile=x.cq4\ncrc32c=0\n"); // damaged: its checksum does not hold
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThat(replay(log)).isEqualTo(seq(0, 30));
            clock.set(T0 + 3000);
            byte[] p = Payloads.make(7, 0, 30);
            log.append(p, 0, p.length);
        }
        Files.delete(cycleFiles().get(3));
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThatThrownBy(() -> replay(log)).as("the head was rewritten at the next file")
                    .isInstanceOf(LogCorruptedException.class).hasMessageContaining("is missing");
        }
    }

    @Test
    void swappedCycleFilesAreDetected() throws IOException {
        write3Cycles();
        List<Path> files = cycleFiles();
        Path tmp = dir.resolve("swap.tmp");
        Files.move(files.get(1), tmp);
        Files.move(files.get(2), files.get(1));
        Files.move(tmp, files.get(2));
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThatThrownBy(() -> replay(log)).isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining(".cq4");
        }
    }

    @Test
    void truncateKeepsThePrefixMovesTheRestAsideAndTheLogGoesOn() throws IOException {
        write3Cycles();
        List<Path> files = cycleFiles();
        byte[] original = Files.readAllBytes(files.get(1));
        flipInRecord(files.get(1), 14); // a record in the middle of the second file
        try (RedoLog log = open(OnCorruption.STOP)) {
            assertThatThrownBy(() -> replay(log)).isInstanceOf(LogCorruptedException.class)
                    .hasMessageContaining(files.get(1).getFileName().toString()).hasMessageContaining("offset");
        }
        assertThat(cycleFiles()).as("stop changes nothing on disk").isEqualTo(files);
        byte[] damaged = Files.readAllBytes(files.get(1));
        try (RedoLog log = open(OnCorruption.TRUNCATE)) {
            ReplayResult[] r = new ReplayResult[1];
            List<Long> got = new ArrayList<>();
            r[0] = log.replay((pos, b, o, l) -> got.add(Payloads.check(b, o, l)[2]));
            assertThat(got).isEqualTo(seq(0, 14));
            assertThat(replay(log)).as("a second pass reads the cut log").isEqualTo(seq(0, 14));
            clock.set(T0 + 5000);
            byte[] p = Payloads.make(7, 0, 99);
            log.append(p, 0, p.length);
        }
        Path aside;
        try (Stream<Path> s = Files.list(dir)) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("damaged-")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllBytes(aside.resolve(files.get(1).getFileName()))).as("kept as it was").isEqualTo(damaged);
        assertThat(Files.readAllBytes(aside.resolve(files.get(2).getFileName()))).isNotEmpty();
        assertThat(original).isNotEqualTo(damaged);
        try (RedoLog log = open(OnCorruption.STOP)) {
            List<Long> expected = seq(0, 14);
            expected.add(99L);
            assertThat(replay(log)).isEqualTo(expected);
        }
    }

    /** Flips a byte in the payload of record {@code seq} (run 7). */
    private static void flipInRecord(Path file, long seq) throws IOException {
        byte[] data = Files.readAllBytes(file);
        byte[] needle = java.util.Arrays.copyOf(Payloads.make(7, 0, seq), Payloads.HEADER);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++)
                if (data[i + j] != needle[j])
                    continue outer;
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.seek(i + Payloads.HEADER - 1);
                raf.write(data[i + Payloads.HEADER - 1] ^ 1);
            }
            return;
        }
        throw new AssertionError("record " + seq + " not found");
    }
}
