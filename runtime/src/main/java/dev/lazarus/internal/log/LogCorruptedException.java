package dev.lazarus.internal.log;

import java.io.File;

/**
 * The redo log holds a damaged record that is followed by valid ones, so it is not a torn tail
 * left by a crash: replaying past it would silently drop or invent changes. The message names
 * the queue file, the record's position (Chronicle index) and its offset in the file.
 */
public final class LogCorruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient File file;
    private final long position;

    public LogCorruptedException(String message, File file, long position) {
        super(message);
        this.file = file;
        this.position = position;
    }

    /** The queue ({@code .cq4}) file that holds the damaged record, or {@code null} if unknown. */
    public File file() {
        return file;
    }

    /** The position (Chronicle index) of the damaged record, or {@link RedoLog#NO_POSITION}. */
    public long position() {
        return position;
    }
}
