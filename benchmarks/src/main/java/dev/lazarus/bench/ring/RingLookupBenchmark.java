package dev.lazarus.bench.ring;

import dev.lazarus.internal.ring.HashRing;
import dev.lazarus.internal.ring.KeyHash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The time of one lookup: the ring's owner and preference list of 2 against jump consistent hash and
 * rendezvous hashing over the same members, and {@link KeyHash} of a String key. Each call takes the
 * next of 16,384 random key hashes, so the branch predictor cannot learn one path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RingLookupBenchmark {
    private static final int MASK = (1 << 14) - 1;

    @Param({"10", "1000"})
    public int members;

    private HashRing ring;
    private JumpHash jump;
    private Rendezvous rendezvous;
    private final long[] hashes = new long[MASK + 1];
    private final String[] keys = new String[MASK + 1];
    private int i;

    @Setup
    public void setup() {
        List<String> names = RingSimulation.cluster(0, members);
        ring = HashRing.of(names);
        jump = new JumpHash(names);
        rendezvous = new Rendezvous(names);
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k <= MASK; k++) {
            hashes[k] = random.nextLong();
            keys[k] = "user:" + (10_000_000 + random.nextInt(90_000_000)); // 13 characters, like an id key
        }
    }

    private long next() {
        return hashes[i++ & MASK];
    }

    @Benchmark
    public String ringOwner() {
        return ring.owner(next());
    }

    @Benchmark
    public List<String> ringOwners2() {
        return ring.owners(next(), 2);
    }

    @Benchmark
    public String jumpOwner() {
        return jump.owner(next());
    }

    @Benchmark
    public String rendezvousOwner() {
        return rendezvous.owner(next());
    }

    @Benchmark
    public List<String> rendezvousOwners2() {
        return rendezvous.owners2(next());
    }

    @Benchmark
    public long keyHashOfString() {
        return KeyHash.of(keys[i++ & MASK]);
    }
}
