package dev.lazarus.internal.ring;

/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup and Zadimoghaddam, 2018): keys are placed one
 * by one, each on the first member clockwise from its hash that still has room, where every member has
 * room for {@code ceil((1 + ε) · keys / members)} keys. No member ends above that bound, at the price of
 * state (the loads, and so the order keys arrived in) and of extra moves when members come and go: a
 * key displaced by a full member moves whenever that member's load changes. Measured against the plain
 * ring in benchmarks/results/ring.md. Not thread-safe: one placement is one sequence of keys.
 */
public final class BoundedLoadPlacement {
    private final HashRing ring;
    private final long capacity;
    private final long[] loads;
    private long placed;

    /**
     * A placement of up to {@code keys} keys on {@code ring}, none of its members taking more than
     * {@code ceil((1 + epsilon) · keys / members)}.
     */
    public BoundedLoadPlacement(HashRing ring, double epsilon, long keys) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon is " + epsilon + "; it must be above 0 (0.1 lets a member take 10% more than its share)");
        }
        if (keys < 1) {
            throw new IllegalArgumentException("keys is " + keys + "; give the number of keys to place, at least 1");
        }
        if (ring.memberCount() == 0) {
            throw new IllegalArgumentException("the ring has no members to place keys on; add a member first");
        }
        this.ring = ring;
        this.capacity = (long) Math.ceil((1 + epsilon) * keys / ring.memberCount());
        this.loads = new long[ring.memberCount()];
    }

    /** How many keys a member may take. */
    public long capacity() {
        return capacity;
    }

    /** Places one more key: its owner is the first member clockwise from {@code keyHash} below capacity. */
    public String place(long keyHash) {
        if (placed == (long) capacity * loads.length) {
            throw new IllegalStateException("all " + placed + " places are taken; create the placement for more keys");
        }
        int points = ring.pointCount();
        int i = ring.firstPointAtOrAfter(keyHash);
        while (loads[ring.ownerOfPoint(i)] >= capacity) {
            i = i + 1 == points ? 0 : i + 1;
        }
        int m = ring.ownerOfPoint(i);
        loads[m]++;
        placed++;
        return ring.member(m);
    }
}
