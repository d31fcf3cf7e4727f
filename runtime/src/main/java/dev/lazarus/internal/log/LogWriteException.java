package dev.lazarus.internal.log;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The redo log could not be written: typically its file system is full. The log is memory-mapped,
 * so the failure shows when a page of the file is first touched (the kernel cannot back it and
 * signals the JVM, which Java sees as an {@link InternalError} from an unsafe memory access). The
 * change that tried is in memory but not logged; the log then refuses every later change, until
 * the JVM is restarted with space available. Everything acknowledged before is kept.
 */
public final class LogWriteException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LogWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure of a write to the log in {@code dir}: what went wrong, the free space, and the fix. */
    static LogWriteException writingFailed(Path dir, Throwable e) {
        long free = -1;
        long total = -1;
        try {
            FileStore store = Files.getFileStore(dir);
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException ignored) {
            // reported as unknown
        }
        String space = free < 0 ? "free space unknown" : free + " bytes free of " + total;
        boolean full = free >= 0 && free < (4 << 20) || String.valueOf(e.getMessage()).contains("No space left");
        return new LogWriteException("Lazarus cannot write the redo log in " + dir + " (" + space + "): "
                + (full ? "its file system is full" : e instanceof IOException ? "writing it failed (" + e.getMessage() + ")"
                : "a fault while writing its memory-mapped file")
                + ". This change is in memory but not logged, and no later change will be. Fix: free space on that file"
                + " system or move dir= to a larger one, then restart the JVM: everything acknowledged before is kept.", e);
    }
}
