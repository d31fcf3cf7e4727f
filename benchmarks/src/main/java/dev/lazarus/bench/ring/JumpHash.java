package dev.lazarus.bench.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Baseline: jump consistent hash (Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash
 * Algorithm", 2014). No table at all and a near-perfect spread, but members are bucket numbers
 * 0..n-1: only the last one can leave without moving other members' keys, and there is no
 * preference list.
 */
final class JumpHash implements Strategy {
    private final List<String> buckets;

    JumpHash(List<String> members) {
        this.buckets = List.copyOf(members);
    }

    /**
     * The bucket of a key among {@code n}: follows the key's sequence of jumps (a linear congruential
     * generator seeded by the key), each landing at or past the current bucket with the probability that
     * a key moves when a bucket is added; the last landing below {@code n} wins.
     */
    static int bucket(long key, int n) {
        long b = -1;
        long j = 0;
        while (j < n) {
            b = j;
            key = key * 2862933555777941757L + 1;
            j = (long) ((b + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) b;
    }

    String owner(long keyHash) {
        return buckets.get(bucket(keyHash, buckets.size()));
    }

    @Override
    public String label() {
        return "jump consistent hash (baseline)";
    }

    @Override
    public List<String> members() {
        return buckets;
    }

    @Override
    public String[] place(long[] keyHashes) {
        String[] owners = new String[keyHashes.length];
        int n = buckets.size();
        for (int k = 0; k < keyHashes.length; k++) {
            owners[k] = buckets.get(bucket(keyHashes[k], n));
        }
        return owners;
    }

    @Override
    public Strategy join(String member) {
        List<String> more = new ArrayList<>(buckets);
        more.add(member);
        return new JumpHash(more);
    }

    @Override
    public Strategy leave(String member) {
        if (!member.equals(buckets.get(buckets.size() - 1))) {
            throw new IllegalArgumentException("jump hash can only drop its last bucket");
        }
        return new JumpHash(buckets.subList(0, buckets.size() - 1));
    }

    @Override
    public String pickLeaver(SplittableRandom random) {
        return buckets.get(buckets.size() - 1);
    }
}
