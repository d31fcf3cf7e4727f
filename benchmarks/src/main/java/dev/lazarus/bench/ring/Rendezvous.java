package dev.lazarus.bench.ring;

import dev.lazarus.internal.ring.KeyHash;
import dev.lazarus.internal.ring.Mix64;

import java.util.ArrayList;
import java.util.List;

/**
 * Baseline: rendezvous (highest random weight) hashing, Thaler and Ravishankar 1998. A key's owner
 * is the member with the highest weight {@code mix(keyHash ^ hash(member))}; the preference list is
 * the members by falling weight. Perfect movement and no table, but every lookup weighs every member.
 */
final class Rendezvous implements Strategy {
    private final List<String> names;
    private final String[] members;
    private final long[] seeds;

    Rendezvous(List<String> members) {
        this.names = List.copyOf(members);
        this.members = names.toArray(new String[0]);
        this.seeds = new long[this.members.length];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = KeyHash.of(this.members[i]);
        }
    }

    String owner(long keyHash) {
        int best = 0;
        long bestWeight = Long.MIN_VALUE;
        for (int i = 0; i < seeds.length; i++) {
            long w = Mix64.mix(keyHash ^ seeds[i]);
            if (w > bestWeight) {
                bestWeight = w;
                best = i;
            }
        }
        return members[best];
    }

    /** The two members of highest weight, highest first. */
    List<String> owners2(long keyHash) {
        int first = -1;
        int second = -1;
        long w1 = Long.MIN_VALUE;
        long w2 = Long.MIN_VALUE;
        for (int i = 0; i < seeds.length; i++) {
            long w = Mix64.mix(keyHash ^ seeds[i]);
            if (first < 0 || w > w1) {
                second = first;
                w2 = w1;
                first = i;
                w1 = w;
            } else if (second < 0 || w > w2) {
                second = i;
                w2 = w;
            }
        }
        return second < 0 ? List.of(members[first]) : List.of(members[first], members[second]);
    }

    @Override
    public String label() {
        return "rendezvous hashing (baseline)";
    }

    @Override
    public List<String> members() {
        return names;
    }

    @Override
    public String[] place(long[] keyHashes) {
        String[] owners = new String[keyHashes.length];
        for (int k = 0; k < keyHashes.length; k++) {
            owners[k] = owner(keyHashes[k]);
        }
        return owners;
    }

    @Override
    public Strategy join(String member) {
        List<String> more = new ArrayList<>(names);
        more.add(member);
        return new Rendezvous(more);
    }

    @Override
    public Strategy leave(String member) {
        List<String> fewer = new ArrayList<>(names);
        fewer.remove(member);
        return new Rendezvous(fewer);
    }
}
