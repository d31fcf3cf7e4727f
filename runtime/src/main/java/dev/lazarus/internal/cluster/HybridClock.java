package dev.lazarus.internal.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Versions for writes to distributed maps: a hybrid logical clock (milliseconds, then a counter)
 * that never goes backwards and moves past every version this member has seen, in the high bits,
 * and ten bits of the writing member's name in the low bits, so two members never make the same
 * version and concurrent writes to a key resolve the same way on every member (last writer wins).
 */
final class HybridClock {
    private static final int MEMBER_BITS = 10;
    private final AtomicLong last = new AtomicLong();
    private final long member;

    HybridClock(String memberName) {
        this.member = memberName.hashCode() & ((1 << MEMBER_BITS) - 1);
    }

    long next() {
        long now = System.currentTimeMillis() << 12;
        long tick = last.accumulateAndGet(now, (cur, n) -> Math.max(cur + 1, n));
        return (tick << MEMBER_BITS) | member;
    }

    void observe(long version) {
        long tick = version >>> MEMBER_BITS;
        last.accumulateAndGet(tick, Math::max);
    }
}
