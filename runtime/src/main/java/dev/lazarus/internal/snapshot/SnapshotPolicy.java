package dev.lazarus.internal.snapshot;

/**
 * When to take snapshots: every {@code intervalMs}, after {@code logBytes} of log, or when
 * recovery would take longer than {@code rtoMs}. A value &lt;= 0 switches that trigger off.
 */
public record SnapshotPolicy(long intervalMs, long logBytes, long rtoMs) {
    /** Snapshots only when asked ({@code checkpoint()}). */
    public static final SnapshotPolicy ON_REQUEST = new SnapshotPolicy(0, 0, 0);
}
