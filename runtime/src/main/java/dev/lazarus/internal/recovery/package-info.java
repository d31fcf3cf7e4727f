/**
 * Rebuilding objects from records. {@code StartupRecovery} runs once, at the first root assignment:
 * {@code Replayer} loads the newest usable snapshot, scans the log after it for the transactions that
 * committed ({@code CrashedTransactions} decides for those a dead run left open), then hands each record
 * to apply, in log order, to the {@code GraphBuilder}, which creates the objects under their ids
 * ({@code OidTable}) and sets their fields. {@code RecoveryReport} and {@code Progress} say what it did
 * and how far it is. The snapshotter reuses the {@code Replayer} to build the next snapshot.
 */
package dev.lazarus.internal.recovery;
