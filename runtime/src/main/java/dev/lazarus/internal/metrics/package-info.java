/**
 * What a running agent exposes about itself: the {@code dev.lazarus:type=Agent} MBean
 * ({@code AgentMetrics}) and the JFR events of recoveries and snapshots ({@code JfrEvents}). Both read
 * figures the engine, the log and the snapshotter keep; neither is on the write path.
 */
package dev.lazarus.internal.metrics;
