package dev.lazarus.agent;

import dev.lazarus.internal.log.OwnerOnly;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory: created owner-only, and locked for the life of the JVM so that a second JVM
 * on the same directory refuses to start (two writers would interleave and corrupt the log). The
 * lock file holds the holder's PID, for the error message; the OS drops the lock when the
 * holder dies, even by {@code kill -9}.
 */
public final class DataDirectory implements AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.lockChannel = channel;
        this.lock = lock;
    }

    public static DataDirectory open(Path root) {
        try {
            createOwnerOnly(root);
            Path lockFile = root.resolve("lazarus.lock");
            createOwnerOnly(root.resolve("log"));
            createOwnerOnly(root.resolve("snapshots"));
            FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), OwnerOnly.fileAttributes());
            OwnerOnly.restrict(lockFile); // one made by an older version keeps its mode otherwise
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new ConfigException("the data directory " + root + " is in use by another JVM (process "
                        + (holder.isEmpty() ? "unknown" : holder) + ", lock file " + lockFile
                        + "). Stop that process, or give this one its own dir=.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectory(root, channel, lock);
        } catch (IOException e) {
            throw new ConfigException("cannot use the data directory " + root + ": " + e
                    + ". Check that it is writable by this user, or choose another dir=.");
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
    }

    public Path root() {
        return root;
    }

    public Path log() {
        return root.resolve("log");
    }

    public Path snapshots() {
        return root.resolve("snapshots");
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the OS releases the lock with the process anyway
        }
    }
}
