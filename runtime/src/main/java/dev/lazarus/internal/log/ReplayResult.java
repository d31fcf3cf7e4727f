package dev.lazarus.internal.log;

/**
 * What a {@link RedoLog#replay replay} found.
 *
 * @param records      records delivered to the consumer
 * @param tornTail     whether the log ended with a torn record: an incomplete document, or one or
 *                     more trailing records whose CRC does not match (what a crash or a power
 *                     loss leaves); they were not delivered
 * @param lastPosition position of the last record delivered, or {@link RedoLog#NO_POSITION}
 * @param tornPosition position of the first dropped record of the torn tail, or
 *                     {@link RedoLog#NO_POSITION} (also when the torn document had no index yet)
 * @param voided       damaged records skipped because an earlier recovery had already declared
 *                     them a torn tail (see {@link RedoLog#replay})
 */
public record ReplayResult(long records, boolean tornTail, long lastPosition, long tornPosition, long voided) {
}
