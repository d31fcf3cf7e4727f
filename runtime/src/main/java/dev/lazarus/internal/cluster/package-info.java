/**
 * {@code @Distributed} maps across JVMs: JGroups gives membership, failure detection and
 * messaging ({@code JGroupsStack}, {@code Membership}); the ring decides owners;
 * {@code DistributedMap} sends each operation to its owners, and {@code Rebalancer} moves keys when the
 * view changes. Each member keeps its share durable in its own redo log.
 */
package dev.lazarus.internal.cluster;
