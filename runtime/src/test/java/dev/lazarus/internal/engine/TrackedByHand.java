package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Tracked;

/** What the agent adds to the topmost tracked class, written by hand for tests without the agent. */
abstract class TrackedByHand implements Tracked {
    transient long $lz$oid;

    @Override
    public long $lz$oid() {
        return $lz$oid;
    }

    @Override
    public void $lz$oid(long oid) {
        $lz$oid = oid;
    }
}
