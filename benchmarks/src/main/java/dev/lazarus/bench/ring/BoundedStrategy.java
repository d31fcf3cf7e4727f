package dev.lazarus.bench.ring;

import dev.lazarus.internal.ring.BoundedLoadPlacement;
import dev.lazarus.internal.ring.HashRing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The ring with bounded loads ({@link BoundedLoadPlacement}): every placement starts empty and takes the keys in arrival order. */
final class BoundedStrategy implements Strategy {
    private final HashRing ring;
    private final double epsilon;

    BoundedStrategy(HashRing ring, double epsilon) {
        this.ring = ring;
        this.epsilon = epsilon;
    }

    @Override
    public String label() {
        return String.format(Locale.ROOT, "ring, %d virtual nodes, bounded loads ε = %.2f", ring.virtualNodes(), epsilon);
    }

    @Override
    public List<String> members() {
        return new ArrayList<>(ring.members());
    }

    @Override
    public boolean orderMatters() {
        return true;
    }

    @Override
    public String[] place(long[] keyHashes) {
        BoundedLoadPlacement placement = new BoundedLoadPlacement(ring, epsilon, keyHashes.length);
        String[] owners = new String[keyHashes.length];
        for (int k = 0; k < keyHashes.length; k++) {
            owners[k] = placement.place(keyHashes[k]);
        }
        return owners;
    }

    @Override
    public Strategy join(String member) {
        return new BoundedStrategy(ring.withMember(member), epsilon);
    }

    @Override
    public Strategy leave(String member) {
        return new BoundedStrategy(ring.withoutMember(member), epsilon);
    }
}
