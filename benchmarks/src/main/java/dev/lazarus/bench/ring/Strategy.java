package dev.lazarus.bench.ring;

import java.util.List;
import java.util.SplittableRandom;

/** A way to give keys owners, as the simulation compares them: the ring and its baselines. */
interface Strategy {
    /** The row label in the tables. */
    String label();

    List<String> members();

    /** The owner of every key, index for index. */
    String[] place(long[] keyHashes);

    /** Whether the placement depends on the order keys come in (then they come in arrival order, else sorted). */
    default boolean orderMatters() {
        return false;
    }

    Strategy join(String member);

    Strategy leave(String member);

    /** Which member leaves in a leave experiment: any member, unless the strategy cannot do that. */
    default String pickLeaver(SplittableRandom random) {
        List<String> m = members();
        return m.get(random.nextInt(m.size()));
    }
}
