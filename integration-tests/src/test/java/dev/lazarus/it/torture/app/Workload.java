package dev.lazarus.it.torture.app;

import java.util.List;

/**
 * One tortured workload: a recovered durable state that several threads keep changing, one
 * numbered step at a time per thread, and an exact check of the recovered state against the
 * steps each thread made.
 */
interface Workload {
    /** Creates the state on the first run (no-op if it was recovered). */
    void open(int threads);

    /** The number of the last step of {@code thread} present in the recovered state (0: none). */
    long recovered(int thread);

    /** Makes step {@code seq} of {@code thread}; returns when the change is acknowledged by Lazarus. */
    void step(int thread, long seq);

    /**
     * Checks the whole recovered state against steps {@code 1..recovered[t]} of every thread t:
     * the problems found, empty if the state is exactly one serial order of those steps.
     */
    List<String> verify(long[] recovered);
}
