package dev.lazarus.internal.snapshot;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.lazarus.internal.log.OwnerOnly;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * One snapshot file: the state at a log position, as a sequence of log records (the same
 * records the redo log holds, so that loading a snapshot is replaying it), written with Kryo's
 * streams, framed by a magic number, a trailer and a CRC32C of everything before it.
 *
 * <pre>
 * "LZSNAP1\n" (varint length, record bytes)* varint 0
 * trailer: position, maxOid, maxTx, createdMillis, objects (longs)  CRC32C (int)
 * </pre>
 *
 * Written to {@code *.tmp}, forced, then renamed to {@code snapshot-<position>.lzs}: a file with
 * the final name is complete, unless the disk damaged it, which the CRC tells.
 */
public final class SnapshotFile {
    static final String PREFIX = "snapshot-";
    static final String SUFFIX = ".lzs";
    private static final byte[] MAGIC = "LZSNAP1\n".getBytes(StandardCharsets.US_ASCII);

    /** What the trailer says. */
    public record Trailer(long position, long maxOid, long maxTx, long createdMillis, long objects) {
    }

    /** Receives the records of a snapshot. */
    public interface Records {
        void accept(byte[] buf, int off, int len);
    }

    private SnapshotFile() {
    }

    static Path pathFor(Path dir, long position) {
        return dir.resolve(PREFIX + String.format("%016x", position) + SUFFIX);
    }

    /** The log position a snapshot file name says it covers, or -1 if the name is not a snapshot's. */
    static long positionOf(Path file) {
        String n = file.getFileName().toString();
        if (!n.startsWith(PREFIX) || !n.endsWith(SUFFIX) || n.length() != PREFIX.length() + 16 + SUFFIX.length()) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(n.substring(PREFIX.length(), PREFIX.length() + 16), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Writes a snapshot: {@link #record} for each record, then {@link #finish}. */
    static final class Writer implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private final FileChannel file;
        private final CheckedOutputStream checked;
        private final Output out;
        private boolean done;

        Writer(Path dir, long position) {
            this.target = pathFor(dir, position);
            this.tmp = dir.resolve(target.getFileName() + ".tmp");
            try {
                Files.deleteIfExists(tmp);
                this.file = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        OwnerOnly.fileAttributes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create snapshot " + tmp, e);
            }
            this.checked = new CheckedOutputStream(Channels.newOutputStream(file), new CRC32C());
            this.out = new Output(checked, 1 << 16);
            out.writeBytes(MAGIC);
        }

        void record(byte[] buf, int off, int len) {
            out.writeVarInt(len, true);
            out.writeBytes(buf, off, len);
        }

        /** Completes, forces and renames the file; returns its final path. */
        Path finish(long position, long maxOid, long maxTx, long objects) {
            out.writeVarInt(0, true);
            out.writeLong(position);
            out.writeLong(maxOid);
            out.writeLong(maxTx);
            out.writeLong(System.currentTimeMillis());
            out.writeLong(objects);
            out.flush();
            int crc = (int) checked.getChecksum().getValue();
            out.writeInt(crc);
            out.flush();
            try {
                file.force(true);
                out.close();
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(target.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot complete snapshot " + target, e);
            }
            done = true;
            return target;
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            try {
                out.close();
            } catch (RuntimeException e) {
                // the write failed already (a full disk): what is still buffered goes with the file
            } finally {
                try {
                    file.close(); // out.close() may have thrown before closing it: no descriptor may stay open
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a stray .tmp is removed at the next start
                }
            }
        }
    }

    static void forceDirectory(Path dir) {
        try (var ch = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be forced; the rename is still atomic
        }
    }

    /**
     * Checks the CRC over the whole file, then its structure, and returns the trailer; throws
     * {@link IllegalStateException} naming the file when it is damaged or incomplete.
     */
    public static Trailer verify(Path file) {
        try {
            long size = Files.size(file);
            if (size < MAGIC.length + 1 + 5 * 8 + 4) {
                throw new IllegalStateException("snapshot " + file + " is incomplete: " + size + " bytes");
            }
            int stored;
            try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(4);
                ch.read(last, size - 4);
                stored = new Input(last.array()).readInt(); // decoded as Kryo encoded it
            }
            if ((int) crcOfPrefix(file, size - 4) != stored) {
                throw new IllegalStateException("snapshot " + file + " is damaged: checksum mismatch");
            }
        } catch (IOException e) {
            throw new IllegalStateException("snapshot " + file + " cannot be read: " + e, e);
        }
        return read(file, null);
    }

    /** The trailer alone, read from the end of the file (no checksum test: see {@link #verify}). */
    public static Trailer trailer(Path file) {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < MAGIC.length + 1 + 5 * 8 + 4) {
                throw new IllegalStateException("snapshot " + file + " is incomplete: " + size + " bytes");
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(5 * 8);
            ch.read(last, size - 4 - 5 * 8);
            Input in = new Input(last.array());
            return new Trailer(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
        } catch (IOException e) {
            throw new IllegalStateException("snapshot " + file + " cannot be read: " + e, e);
        }
    }

    /** Streams the records of a file (verify it first), then returns its trailer. */
    public static Trailer read(Path file, Records records) {
        try (InputStream raw = Files.newInputStream(file); Input in = new Input(raw, 1 << 16)) {
            byte[] magic = in.readBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalStateException("snapshot " + file + " does not start with the snapshot magic number");
            }
            byte[] buf = new byte[256];
            while (true) {
                int len = in.readVarInt(true);
                if (len == 0) {
                    break;
                }
                if (len > buf.length) {
                    buf = new byte[Math.max(len, buf.length * 2)];
                }
                in.readBytes(buf, 0, len);
                if (records != null) {
                    records.accept(buf, 0, len);
                }
            }
            return new Trailer(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
        } catch (com.esotericsoftware.kryo.KryoException | IOException e) {
            throw new IllegalStateException("snapshot " + file + " is damaged or incomplete: " + e.getMessage(), e);
        }
    }

    private static long crcOfPrefix(Path file, long length) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                crc.update(buf, 0, n);
                left -= n;
            }
        }
        return crc.getValue();
    }
}
