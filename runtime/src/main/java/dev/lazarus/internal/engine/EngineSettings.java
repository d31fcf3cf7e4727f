package dev.lazarus.internal.engine;

import dev.lazarus.internal.recovery.Renames;
import dev.lazarus.internal.snapshot.SnapshotPolicy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the engine is told at start, besides the log it writes (which knows its own sync mode).
 *
 * @param strict      whether untrackable state is refused (an exception) or warned about once and logged as null
 * @param description how {@code Lazarus.status()} names this run's configuration
 * @param snapshotDir where snapshots live (created and locked by the caller)
 * @param snapshots   when to take snapshots, and the recovery-time objective they keep
 * @param renames     class and field renames to apply to what the log and snapshots hold
 */
public record EngineSettings(boolean strict, String description, Path snapshotDir, SnapshotPolicy snapshots,
                             Renames renames) {
    public EngineSettings {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(snapshotDir, "snapshotDir");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(renames, "renames");
    }

    /** Strict, snapshots only when asked ({@code checkpoint()}), no renames: for tests that drive the engine in process. */
    public static EngineSettings forTests(Path snapshotDir) {
        return new EngineSettings(true, "test", snapshotDir, SnapshotPolicy.ON_REQUEST, Renames.NONE);
    }
}
