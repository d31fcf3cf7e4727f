package dev.lazarus.bench.bank;

import dev.lazarus.bench.Files2;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The bank workload against the peers: {@code accounts} accounts, one random transfer per
 * operation, each durable as {@code tool}/{@code durability} makes it. Sample mode: the latency of
 * every sampled transfer, hence p50/p99, and the throughput as 1 / mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class BankBenchmark {
    /** lazarus | prevayler | eclipsestore | mvstore | sqlite | chroniclemap | naive | floor | chronicle */
    @Param("lazarus")
    public String tool;

    /** none (survives a process crash) | force (every transfer forced to disk) | interval (Lazarus's default) */
    @Param("none")
    public String durability;

    @Param("1000000")
    public int accounts;

    Bank bank;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path dir = Files.createTempDirectory(Files2.benchDir(), tool);
        boolean force = durability.equals("force");
        bank = switch (tool) {
            case "lazarus" -> new LazarusBank(accounts, force ? "always" : durability);
            case "prevayler" -> new PrevaylerBank(accounts, force, dir);
            case "eclipsestore" -> {
                require(!force, "EclipseStore 2.1.0 has no forcing mode");
                yield new EclipseStoreBank(accounts, dir);
            }
            case "mvstore" -> new MvStoreBank(accounts, force, dir);
            case "sqlite" -> new SqliteBank(accounts, force, dir);
            case "chroniclemap" -> {
                require(!force, "Chronicle Map has no forcing mode");
                yield new ChronicleMapBank(accounts, dir);
            }
            case "naive" -> new NaiveBank(accounts, force, dir);
            case "floor" -> new FloorBank(accounts, force, dir);
            case "chronicle" -> new ChronicleFloorBank(accounts, force, dir);
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        };
        System.out.println("BANK " + tool + " " + durability + ": " + bank.durability());
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException(why);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        long total = bank.total();
        bank.close();
        if (total != (long) accounts * Bank.OPENING_BALANCE) {
            throw new IllegalStateException(tool + ": money not conserved: " + total);
        }
    }

    @Benchmark
    public void transfer() throws Exception {
        int from = random.nextInt(accounts);
        int to = random.nextInt(accounts - 1);
        if (to >= from) {
            to++;
        }
        bank.transfer(from, to, 1 + random.nextInt(100));
    }
}
