package dev.lazarus.internal.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The newest cycle file the log is known to have reached, kept in {@code head} beside the cycle
 * files. Chronicle reads a log whose newest file was deleted as a log that simply ended earlier,
 * and the links between files ({@link RedoLog}) cannot see past the last one; this file can.
 *
 * <p>It is a lower bound, never ahead of the disk: with forcing it is advanced only after a force
 * that covered a record of that cycle (so the cycle file and its directory entry are on disk), and
 * written by replacing it atomically. A crash before it is advanced leaves it behind, which is
 * safe; only a newest file deleted <em>after</em> it was recorded is reported. Without forcing
 * ({@code sync=none}) it is advanced when the file gets its first record, unforced: after a power
 * loss it may then name a file the disk never got, and recovery refuses until the operator
 * accepts that ({@code onCorruption=truncate}).
 */
final class LogHead {
    static final String FILE_NAME = "head";
    private static final System.Logger LOG = System.getLogger(LogHead.class.getName());
    private static final int NONE = Integer.MIN_VALUE;

    private final Path file;
    private final Path dir;
    private final boolean force;
    /** Guarded by this: the cycle in the file, or NONE. */
    private int recorded;
    private String recordedName;
    private boolean warned;

    LogHead(Path dir, boolean force) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
        this.force = force;
        String[] parsed = read(file);
        this.recorded = parsed == null ? NONE : Integer.parseInt(parsed[0]);
        this.recordedName = parsed == null ? null : parsed[1];
    }

    /** Records that the log has reached {@code cycle} (file {@code name}), if that is newer than what is recorded. */
    synchronized void advance(int cycle, String name) {
        if (cycle <= recorded) {
            return;
        }
        try {
            write(cycle, name);
        } catch (IOException | UncheckedIOException e) {
            if (!warned) { // harmless: the head stays behind, which only weakens the check
                warned = true;
                LOG.log(Level.WARNING, "Cannot update " + file + " (it stays at an older cycle file): " + e);
            }
        }
    }

    /** After a cut: the log now ends in {@code cycle} ({@code name}); a negative cycle: it holds no file. */
    synchronized void reset(int cycle, String name) {
        try {
            if (cycle < 0) {
                Files.deleteIfExists(file);
                recorded = NONE;
                recordedName = null;
            } else {
                write(cycle, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update " + file + " after cutting the log; delete it and start again", e);
        }
    }

    /**
     * Why the log is missing its newest file(s), or null if it is not: {@code lastCycle} is the
     * newest cycle whose file is present (negative: none).
     */
    synchronized String missing(int lastCycle) {
        return missing(file, recorded, recordedName, lastCycle);
    }

    /** The same check for a reader that does not write the log (the operator's {@code verify}). */
    static String missing(Path dir, int lastCycle) {
        Path file = dir.resolve(FILE_NAME);
        String[] parsed = read(file);
        return parsed == null ? null : missing(file, Integer.parseInt(parsed[0]), parsed[1], lastCycle);
    }

    private static String missing(Path file, int recorded, String name, int lastCycle) {
        if (recorded == NONE || recorded <= lastCycle) {
            return null;
        }
        return "its newest file " + name + " (cycle " + recorded + ") is missing: " + file + " records that the log"
                + " reached it once it was on disk, but " + (lastCycle < 0 ? "no cycle file is left"
                : "the newest cycle file left is cycle " + lastCycle) + ". Every change logged in it would be lost";
    }

    private void write(int cycle, String name) throws IOException {
        boolean interrupted = Thread.interrupted(); // an interrupt would close the channels mid-write
        try {
            writeUninterrupted(cycle, name);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeUninterrupted(int cycle, String name) throws IOException {
        String body = "cycle=" + cycle + "\nfile=" + name + "\n";
        String text = body + "crc32c=" + Integer.toHexString(crc(body)) + "\n";
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), OwnerOnly.fileAttributes())) {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (force) {
                ch.force(true);
            }
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (force) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // not every platform can force a directory; the rename is then as durable as it gets
            }
        }
        recorded = cycle;
        recordedName = name;
    }

    /** {cycle, file name}, or null when there is no usable head (absent; damaged: warned and ignored). */
    private static String[] read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        int crcAt = text.indexOf("crc32c=");
        if (crcAt > 0 && text.startsWith("cycle=")) {
            String body = text.substring(0, crcAt);
            String[] lines = body.split("\n");
            try {
                if (lines.length == 2 && lines[1].startsWith("file=")
                        && Integer.parseUnsignedInt(text.substring(crcAt + 7).trim(), 16) == crc(body)) {
                    return new String[] {String.valueOf(Integer.parseInt(lines[0].substring(6))), lines[1].substring(5)};
                }
            } catch (NumberFormatException ignored) {
                // damaged: below
            }
        }
        LOG.log(Level.WARNING, "Ignoring " + file + ": it is damaged. It only guards against a deleted newest log file;"
                + " it is rewritten at the next log file");
        return null;
    }

    private static int crc(String s) {
        CRC32C c = new CRC32C();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return (int) c.getValue();
    }
}
