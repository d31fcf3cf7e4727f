package dev.lazarus.internal.log;

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
}
