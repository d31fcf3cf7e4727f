package dev.lazarus.bench.ring;

import dev.lazarus.internal.ring.HashRing;

import java.util.ArrayList;
import java.util.List;

/** The Lazarus {@link HashRing}, plain: each key on the first virtual node clockwise. */
final class RingStrategy implements Strategy {
    private final HashRing ring;

    RingStrategy(HashRing ring) {
        this.ring = ring;
    }

    int virtualNodes() {
        return ring.virtualNodes();
    }

    @Override
    public String label() {
        return "ring, " + ring.virtualNodes() + " virtual nodes";
    }

    @Override
    public List<String> members() {
        return new ArrayList<>(ring.members());
    }

    @Override
    public String[] place(long[] keyHashes) {
        String[] owners = new String[keyHashes.length];
        for (int k = 0; k < keyHashes.length; k++) {
            owners[k] = ring.owner(keyHashes[k]);
        }
        return owners;
    }

    @Override
    public Strategy join(String member) {
        return new RingStrategy(ring.withMember(member));
    }

    @Override
    public Strategy leave(String member) {
        return new RingStrategy(ring.withoutMember(member));
    }
}
