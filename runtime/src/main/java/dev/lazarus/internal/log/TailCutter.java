package dev.lazarus.internal.log;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Cuts the log after a record: the cycle file that holds it is rebuilt with the documents up to
 * it (copied byte for byte, so every record keeps its index), and that file's damaged original and
 * every later cycle file are moved into {@code damaged-<time>/}, never deleted. Chronicle cannot
 * shorten a cycle file in place: its header keeps the position of the last document and its index
 * the positions of earlier ones, and an appender would write after them, beyond the damage.
 * Runs with the queue open for reading; the caller closes and reopens it around {@link #swap}.
 */
final class TailCutter {
    private final Path dir;
    private final RollCycle rollCycle;
    private final IntFunction<Path> fileOf;

    /** What a cut prepared: the rebuilt file (or null) and the files to move aside. */
    record Plan(Path rebuilt, Path target, List<Path> aside, Path asideDir) {
    }

    TailCutter(Path dir, RollCycle rollCycle, IntFunction<Path> fileOf) {
        this.dir = dir;
        this.rollCycle = rollCycle;
        this.fileOf = fileOf;
    }

    /**
     * Prepares keeping everything up to {@code lastKept} ({@link RedoLog#NO_POSITION}: nothing):
     * writes the rebuilt cycle file into a scratch directory, with a queue that {@code builder}
     * opens on a directory with its clock in the given cycle.
     */
    Plan prepare(SingleChronicleQueue queue, long lastKept, BiFunction<Path, Integer, SingleChronicleQueue> builder) {
        List<Path> aside = new ArrayList<>();
        int keepCycle = lastKept == RedoLog.NO_POSITION ? Integer.MIN_VALUE : rollCycle.toCycle(lastKept);
        int first = queue.firstCycle();
        int last = queue.lastCycle();
        if (first != Integer.MAX_VALUE && first <= last) {
            for (long c : queue.listCyclesBetween(first, last)) {
                if (c >= keepCycle) {
                    aside.add(fileOf.apply((int) c));
                }
            }
        }
        Path asideDir = dir.resolve("damaged-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                .format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (keepCycle == Integer.MIN_VALUE) {
            return new Plan(null, null, aside, asideDir);
        }
        Path scratch = dir.resolve(".rebuild");
        deleteTree(scratch);
        Path rebuilt;
        try (SingleChronicleQueue out = builder.apply(scratch, keepCycle);
             ExcerptAppender appender = out.createAppender();
             ExcerptTailer tailer = queue.createTailer()) {
            if (!tailer.moveToIndex(rollCycle.toIndex(keepCycle, 0))) {
                throw new IllegalStateException("cannot find the start of cycle " + keepCycle + " in " + dir);
            }
            copyUpTo(tailer, appender, lastKept);
            rebuilt = appender.currentFile().toPath();
        }
        Path target = fileOf.apply(keepCycle);
        if (!rebuilt.getFileName().equals(target.getFileName())) {
            throw new IllegalStateException("rebuilt " + rebuilt + " instead of " + target.getFileName());
        }
        force(rebuilt);
        return new Plan(rebuilt, target, aside, asideDir);
    }

    private void copyUpTo(ExcerptTailer tailer, ExcerptAppender appender, long lastKept) {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument(true)) {
                if (!dc.isPresent()) {
                    throw new IllegalStateException("the log ended before index " + Long.toHexString(lastKept));
                }
                Bytes<?> bytes = dc.wire().bytes();
                if (dc.isMetaData()) {
                    if (LogMarker.isOurs(bytes)) { // our own (void markers, links): worth copying
                        try (DocumentContext w = appender.writingDocument(true)) {
                            w.wire().bytes().write(bytes);
                        }
                    }
                    continue;
                }
                long index = dc.index();
                try (DocumentContext w = appender.writingDocument()) {
                    w.wire().bytes().write(bytes);
                }
                if (appender.lastIndexAppended() != index) {
                    throw new IllegalStateException("rebuilding the log: index " + Long.toHexString(index)
                            + " became " + Long.toHexString(appender.lastIndexAppended()));
                }
                if (index == lastKept) {
                    return;
                }
            }
        }
    }

    /** With the queue closed: moves the damaged files aside and the rebuilt one into place. */
    void swap(Plan plan) {
        try {
            Files.createDirectories(plan.asideDir(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            for (Path f : plan.aside()) {
                if (Files.exists(f)) {
                    Files.move(f, plan.asideDir().resolve(f.getFileName()));
                }
            }
            if (plan.rebuilt() != null) {
                Files.move(plan.rebuilt(), plan.target(), StandardCopyOption.ATOMIC_MOVE);
                OwnerOnly.restrict(plan.target());
                deleteTree(plan.rebuilt().getParent());
            }
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException e) {
                // not every file system forces directories; the renames are atomic anyway
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the damaged log files of " + dir + " aside into "
                    + plan.asideDir(), e);
        }
    }

    private static void force(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force " + file, e);
        }
    }

    private static void deleteTree(Path d) {
        if (!Files.exists(d)) {
            return;
        }
        try (var files = Files.walk(d)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + d, e);
        }
    }
}
