package dev.lazarus.internal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SpaceReserverTest {
    @TempDir
    Path dir;

    @Test
    void reservesAheadOfTheWriter() throws IOException {
        Path file = dir.resolve("c.cq4");
        Files.write(file, new byte[] {1, 2, 3}); // a record before the write position
        try (SpaceReserver r = new SpaceReserver()) {
            r.ensure(5, 3, 100, file::toFile);
        }
        byte[] all = Files.readAllBytes(file);
        assertThat(all.length).as("zeros written past the record and the slack").isGreaterThan(3 + 100 + (256 << 10));
        assertThat(new byte[] {all[0], all[1], all[2]}).containsExactly(1, 2, 3);
    }

    @Test
    void neverOverwritesBytesThatAreNotZero() throws IOException {
        Path file = dir.resolve("m.cq4");
        long marked = (1 << 20) + 123; // where a writer position lagging behind the real one would find data
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(marked);
            raf.write(new byte[] {7, 7, 7});
        }
        try (SpaceReserver r = new SpaceReserver()) {
            r.ensure(5, 0, 100, file::toFile);
        }
        byte[] all = Files.readAllBytes(file);
        assertThat(new byte[] {all[(int) marked], all[(int) marked + 1], all[(int) marked + 2]}).containsExactly(7, 7, 7);
    }

    @Test
    void anInterruptedThreadKeepsBothItsInterruptAndTheChannel() throws IOException {
        Path file = dir.resolve("d.cq4");
        Files.write(file, new byte[16]);
        try (SpaceReserver r = new SpaceReserver()) {
            Thread.currentThread().interrupt();
            try {
                r.ensure(1, 0, 10, file::toFile);
                r.ensure(1, 3 << 20, 10, file::toFile); // the same channel, still open
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
            }
        }
        assertThat(Files.size(file)).isGreaterThan(3 << 20);
    }
}
