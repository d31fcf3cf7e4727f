/**
 * The record format: what a redo-log record or a snapshot entry holds and how its bytes are laid out.
 * {@code RecordType} names the kinds (SET, NEW, IMAGE, COLLECTION, ROOT, COMMIT...), {@code RecordBuffer}
 * writes and reads varints and strings, {@code ValueCodec} encodes one value (plain, reference,
 * composite), {@code GraphCodec} the records of newly attached objects and of collection operations.
 * The write path encodes with these classes, recovery and the CLI ({@code RecordText}) decode with
 * them; {@code RecoveryClasses} says which classes a record may make recovery instantiate.
 */
package dev.lazarus.internal.record;
