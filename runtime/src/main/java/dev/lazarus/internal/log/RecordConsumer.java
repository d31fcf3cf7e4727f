package dev.lazarus.internal.log;

/** Receives the records of a {@link RedoLog#replay replay}, in log order. */
@FunctionalInterface
public interface RecordConsumer {
    /**
     * One record: its payload is {@code buf[off, off + len)}. The buffer is reused for the next
     * record: copy what must outlive the call.
     */
    void accept(long position, byte[] buf, int off, int len);
}
