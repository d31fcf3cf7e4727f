/**
 * The redo log on disk. {@link dev.lazarus.internal.log.RedoLog} appends framed records
 * ({@link dev.lazarus.internal.log.RecordFrame}: CRC32C, payload) to a Chronicle Queue under one lock,
 * forces them ({@link dev.lazarus.internal.log.Syncer}, {@link dev.lazarus.internal.log.SyncMode}), reserves
 * disk ahead of the writer ({@link dev.lazarus.internal.log.SpaceReserver}), prunes files a snapshot covers,
 * and opens the queue through {@link dev.lazarus.internal.log.ChronicleOpener}. Its own metadata documents,
 * void markers and links, have their layout in {@link dev.lazarus.internal.log.LogMarker}. At recovery
 * {@link dev.lazarus.internal.log.RecoveryScan} reads the log to its end, cutting a torn tail
 * ({@link dev.lazarus.internal.log.TailCutter}) and refusing damage in the middle
 * ({@link dev.lazarus.internal.log.LogCorruptedException}). {@link dev.lazarus.internal.log.LogHead}
 * names the newest cycle file; {@link dev.lazarus.internal.log.LogReader} reads without a lock, for the CLI
 * and for the snapshots built in the background.
 * Records are opaque bytes here: what they mean is the engine's business.
 */
package dev.lazarus.internal.log;
