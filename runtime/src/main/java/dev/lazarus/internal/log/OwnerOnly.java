package dev.lazarus.internal.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files of the data directory are readable and writable by their owner only (0600), whatever the
 * process umask: they hold the application's whole state. (The directories are 0700 as well, so
 * the moment between Chronicle creating a file and {@link #restrict} is not a window for others.)
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** For creating a file owner-only from the start; empty where the file system has no POSIX modes. */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Makes an existing file owner-only. */
    public static void restrict(Path file) {
        if (!POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " owner-only (0600)", e);
        }
    }
}
