package dev.lazarus.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One crash and restart, as the invariant sees it: the application was killed with {@code kill -9}
 * after running for {@link #killedAfter()}, and started again on the same data directory; that
 * restarted JVM is running now (it is the one killed next).
 */
public final class CrashCycle {
    private final int number;
    private final int cycles;
    private final Duration killedAfter;
    private final List<String> killedOutput;
    private final List<String> earlierOutput;
    private final ChildJvm restarted;
    private final Duration timeout;
    private final Path dataDir;

    CrashCycle(int number, int cycles, Duration killedAfter, List<String> killedOutput, List<String> earlierOutput,
               ChildJvm restarted, Duration timeout, Path dataDir) {
        this.number = number;
        this.cycles = cycles;
        this.killedAfter = killedAfter;
        this.killedOutput = killedOutput;
        this.earlierOutput = earlierOutput;
        this.restarted = restarted;
        this.timeout = timeout;
        this.dataDir = dataDir;
    }

    /** Which crash this is: 1 for the first. */
    public int number() {
        return number;
    }

    /** How many crashes the test makes in all. */
    public int cycles() {
        return cycles;
    }

    /** How long the killed JVM ran. */
    public Duration killedAfter() {
        return killedAfter;
    }

    /** The standard output of the JVM that was just killed, up to its last line. */
    public List<String> killedOutput() {
        return killedOutput;
    }

    /** The standard output of every JVM killed so far, oldest first: all the application acknowledged. */
    public List<String> earlierOutput() {
        return earlierOutput;
    }

    /**
     * Waits until the restarted application prints a line that matches {@code regex} (the whole
     * line), and returns it; fails if none comes within the timeout or the application ends first.
     */
    public String awaitLine(String regex) throws InterruptedException {
        return restarted.awaitLine(regex, timeout);
    }

    /** The standard output of the restarted application so far. */
    public List<String> output() {
        return restarted.out();
    }

    /** The standard error of the restarted application so far (the agent's own lines go there). */
    public List<String> errorOutput() {
        return restarted.err();
    }

    /** The data directory the application runs on (the agent's {@code dir=}). */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public String toString() {
        return "crash " + number + " of " + cycles + " (kill -9 after " + killedAfter.toMillis() + " ms)";
    }
}
