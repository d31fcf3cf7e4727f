/**
 * The consistent-hash ring that decides which members own a key of a {@code @Distributed} map:
 * {@link dev.lazarus.internal.ring.HashRing} with virtual nodes, a stable key hash
 * ({@link dev.lazarus.internal.ring.KeyHash}) that is the same in every JVM; {@code BoundedLoadPlacement} is the
 * bounded-load variant the benchmarks compare it with.
 */
package dev.lazarus.internal.ring;
