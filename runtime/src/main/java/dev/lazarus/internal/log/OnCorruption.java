package dev.lazarus.internal.log;

/**
 * What recovery does with damage that is not a torn tail (a damaged record followed by valid ones,
 * an unreadable header in the middle, a missing cycle file).
 */
public enum OnCorruption {
    /** Refuse: an error names the file, the offset and the index; nothing is changed on disk. */
    STOP,
    /**
     * Keep the records before the first damaged one, drop the rest with a warning, and move the
     * damaged files aside (into {@code damaged-<time>/} next to them), so that nothing is lost.
     */
    TRUNCATE
}
