/**
 * The redo log on disk. {@link dev.lazarus.internal.log.RedoLog} appends framed records
 * ({@link dev.lazarus.internal.log.RecordFrame}: CRC32C, payload) to a Chronicle Queue under one lock,
 * forces them ({@link dev.lazarus.internal.log.Syncer}, {@link dev.lazarus.internal.log.SyncMode}), reserves
 * disk ahead of the writer ({@link dev.lazarus.internal.log.SpaceReserver}), prunes files a snapshot covers,
 * and at recovery reads the log to its end, cutting a torn tail
 * ({@link dev.lazarus.internal.log.TailCutter}) and refusing damage in the middle
 * ({@link dev.lazarus.internal.log.LogCorruptedException}). {@link dev.lazarus.internal.log.LogHead}
 * names the newest cycle file; {@link dev.lazarus.internal.log.LogReader} reads without a lock for the CLI.
 * Records are opaque bytes here: what they mean is the engine's business.
 */
package dev.lazarus.internal.log;
