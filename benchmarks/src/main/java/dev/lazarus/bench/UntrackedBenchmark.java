package dev.lazarus.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Code that is not tracked — plain classes, JDK collections created outside {@code @Durable}
 * classes, arrays not held by tracked fields — run with and without the agent: the agent must cost
 * it nothing. Run by {@link BenchmarkMain} in forks with the agent (its engine started: a root is
 * attached, as in an application that uses Lazarus elsewhere) and in forks without.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class UntrackedBenchmark {
    private final Map<Integer, Integer> map = new HashMap<>();
    private final Plain[] plains = new Plain[64];
    private final int[] source = new int[256];
    private final int[] target = new int[256];
    private int n;

    @Setup
    public void setup() {
        if (System.getProperty("bench.expectAgent") != null) {
            Roots.counters(); // starts the engine where the agent is present (recovery of an empty dir)
        }
        for (int i = 0; i < plains.length; i++) {
            plains[i] = new Plain();
        }
        for (int i = 0; i < source.length; i++) {
            source[i] = (i * 7919) % 1000;
        }
        for (int i = 0; i < 1024; i++) {
            map.put(i, i);
        }
    }

    /** A get and a put on a plain {@code HashMap} of 1024 entries. */
    @Benchmark
    public int hashMapGetPut() {
        int k = ++n & 1023;
        int v = map.get(k);
        map.put(k, v + 1);
        return v;
    }

    /** 64 field writes on plain objects. */
    @Benchmark
    public long plainObjectWrites() {
        long s = ++n;
        for (Plain p : plains) {
            p.value = s++;
        }
        return s;
    }

    /** {@code System.arraycopy} and {@code Arrays.sort} of 256 ints. */
    @Benchmark
    public int arrayCopySort() {
        System.arraycopy(source, 0, target, 0, source.length);
        target[++n & 255] = n;
        Arrays.sort(target);
        return target[128];
    }

    /** Building a short string. */
    @Benchmark
    public String stringBuild() {
        return new StringBuilder(32).append("acct-").append(++n).append(':').append(n * 31L).toString();
    }
}
