package dev.lazarus.internal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of cutting the end of the log, byte by byte across its last records, and random bit
 * flips anywhere in the records: recovery delivers an undamaged prefix that holds every record
 * wholly before the damage, or refuses with an error that names the file and the offset. It never
 * delivers a damaged record and never skips one to deliver a later one.
 */
class RedoLogTruncationSweepTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final int RECORDS = 40;
    /** The last records swept byte by byte (more with -Dlazarus.sweep.records=N: each cut costs a recovery). */
    private static final int SWEPT = Integer.getInteger("lazarus.sweep.records", 2);
    /** Random bit flips (-Dlazarus.sweep.flips=N). */
    private static final int FLIPS = Integer.getInteger("lazarus.sweep.flips", 40);

    @TempDir
    Path pristine;
    @TempDir
    Path dir;

    private RedoLog open(Path d) {
        return RedoLog.open(d, SyncMode.NONE, 0, RedoLog.DEFAULT_ROLL_CYCLE, () -> NOW);
    }

    /** The outcome of one damaged log: what was delivered, or the refusal. */
    private record Outcome(List<Long> delivered, boolean tornTail, LogCorruptedException refused) {
    }

    private Outcome replayCopy(Damage damage) throws IOException {
        try (Stream<Path> old = Files.walk(dir)) {
            for (Path p : old.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList()))
                if (!p.equals(dir))
                    Files.delete(p);
        }
        try (Stream<Path> files = Files.list(pristine)) {
            for (Path p : files.collect(Collectors.toList()))
                Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        damage.apply(cq4(dir));
        List<Long> out = new ArrayList<>();
        ReplayResult r;
        try (RedoLog log = open(dir)) {
            r = log.replay((pos, b, o, l) -> out.add(Payloads.check(b, o, l)[2]));
            byte[] p = Payloads.make(0, 0, 1000);
            log.append(p, 0, p.length); // the next run goes on after what was kept
        } catch (LogCorruptedException e) {
            return new Outcome(out, false, e);
        }
        List<Long> again = new ArrayList<>();
        try (RedoLog log = open(dir)) {
            log.replay((pos, b, o, l) -> again.add(Payloads.check(b, o, l)[2]));
        }
        List<Long> expected = new ArrayList<>(out);
        expected.add(1000L);
        assertThat(again).as("after recovery and one more record").isEqualTo(expected);
        return new Outcome(out, r.tornTail(), null);
    }

    interface Damage {
        void apply(Path file) throws IOException;
    }

    private static Path cq4(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    /** Offsets of each record's Chronicle header, and the end of the last one. */
    private long[] layout() throws IOException {
        long[] at = new long[RECORDS + 1];
        byte[] data = Files.readAllBytes(cq4(pristine));
        for (int i = 0; i < RECORDS; i++) {
            byte[] head = java.util.Arrays.copyOf(Payloads.make(7, 0, i), Payloads.HEADER);
            at[i] = indexOf(data, head) - 8; // Chronicle header, CRC, payload
            if (i > 0)
                assertThat(at[i]).isGreaterThan(at[i - 1]);
        }
        long end = at[RECORDS - 1] + 8 + Payloads.make(7, 0, RECORDS - 1).length;
        at[RECORDS] = end;
        return at;
    }

    private static long indexOf(byte[] data, byte[] needle) {
        int at = Payloads.indexOf(data, needle);
        if (at < 0)
            throw new AssertionError("not found");
        return at;
    }

    private void writePristine() {
        try (RedoLog log = open(pristine)) {
            for (int i = 0; i < RECORDS; i++) {
                byte[] p = Payloads.make(7, 0, i);
                log.append(p, 0, p.length);
            }
        }
    }

    /** Checks one outcome; returns whether the damage was detected (a torn tail or a refusal). */
    private static boolean check(Outcome o, int wholeBefore, String what) {
        for (int i = 0; i < o.delivered().size(); i++)
            assertThat(o.delivered().get(i)).as("%s: records in order, none skipped", what).isEqualTo((long) i);
        if (o.refused() != null) {
            assertThat(o.refused().getMessage()).as(what).contains(".cq4").contains("offset");
            return true;
        }
        assertThat(o.delivered().size()).as("%s: every record wholly before the damage is kept", what)
                .isGreaterThanOrEqualTo(wholeBefore);
        return o.tornTail();
    }

    @Test
    void cuttingTheLogAtEveryByteOfItsLastRecords() throws IOException {
        writePristine();
        long[] at = layout();
        int tried = 0, detected = 0, clean = 0;
        for (long cut = at[RECORDS - SWEPT]; cut <= at[RECORDS]; cut++) {
            int whole = complete(at, cut);
            final long c = cut;
            // what a lost page or a shortened file leaves: zeros from the cut on
            Outcome o = replayCopy(f -> zero(f, c, at[RECORDS] + 64));
            tried++;
            if (check(o, whole, "zeroed from offset " + cut)) {
                detected++;
            } else {
                // nothing to detect: the cut fell between records (or in a record's alignment padding)
                assertThat(o.delivered()).as("a clean cut at %d", cut).hasSize(whole);
                clean++;
            }
        }
        System.out.printf("truncation sweep: %d cuts, %d detected as damage, %d clean cuts between records%n",
                tried, detected, clean);
        assertThat(detected + clean).isEqualTo(tried);
        assertThat(detected).isPositive();
    }

    /** How many records end at or before {@code offset}. */
    private static int complete(long[] at, long offset) {
        int n = 0;
        while (n < RECORDS && end(at, n) <= offset)
            n++;
        return n;
    }

    /** Where record {@code i}'s bytes end (its alignment padding follows). */
    private static long end(long[] at, int i) {
        return at[i] + 8 + Payloads.make(7, 0, i).length;
    }

    private static void zero(Path f, long from, long to) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(from);
            raf.write(new byte[(int) (to - from)]);
        }
    }

    @Test
    void randomBitFlipsInTheRecords() throws IOException {
        writePristine();
        long[] at = layout();
        Random random = new Random(42);
        int tried = 0, detected = 0, harmless = 0;
        for (int k = 0; k < FLIPS; k++) {
            long offset = at[0] + (long) (random.nextDouble() * (at[RECORDS] - at[0]));
            int bit = random.nextInt(8);
            int whole = complete(at, offset);
            Outcome o = replayCopy(f -> flip(f, offset, bit));
            tried++;
            boolean d = check(o, whole, "bit " + bit + " at " + offset);
            if (d) {
                detected++;
            } else {
                assertThat(whole > 0 && offset >= end(at, whole - 1) && offset < at[whole])
                        .as("an undetected flip at %d must be in a record's alignment padding", offset).isTrue();
                assertThat(o.delivered()).hasSize(RECORDS);
                harmless++;
            }
        }
        System.out.printf("bit flips in records: %d tried, %d detected, %d in alignment padding (no data changed)%n",
                tried, detected, harmless);
        assertThat(detected + harmless).isEqualTo(tried);
    }

    private static void flip(Path f, long offset, int bit) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ (1 << bit));
        }
    }
}
