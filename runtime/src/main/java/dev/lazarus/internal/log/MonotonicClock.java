package dev.lazarus.internal.log;

import java.util.function.LongSupplier;
import net.openhft.chronicle.core.time.TimeProvider;

/**
 * Chronicle's clock for choosing the cycle file: the wall clock, but never before the start
 * of the newest cycle already written, so that positions keep increasing if the clock is set
 * back (NTP, a VM restored, a restart on a host with another time).
 */
final class MonotonicClock implements TimeProvider {
    private final LongSupplier wallClock;
    private volatile long floor = Long.MIN_VALUE;

    MonotonicClock(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    void floor(long millis) {
        if (millis > floor) {
            floor = millis;
        }
    }

    @Override
    public long currentTimeMillis() {
        long now = wallClock.getAsLong();
        long f = floor;
        return now < f ? f : now;
    }
}
