package dev.lazarus.it.torture.app;

import java.util.SplittableRandom;

/** The random choices of one step: a pure function of (seed, thread, step), so a check can redo them. */
final class Steps {
    private Steps() {
    }

    static SplittableRandom random(long seed, int thread, long seq) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + thread * 0xC2B2AE3D27D4EB4FL + seq);
    }

    /** One long naming a step: the thread in the top bits, the step number below. */
    static long tag(int thread, long seq) {
        return ((long) thread << 48) | seq;
    }

    static int thread(long tag) {
        return (int) (tag >>> 48);
    }

    static long seq(long tag) {
        return tag & ((1L << 48) - 1);
    }
}
