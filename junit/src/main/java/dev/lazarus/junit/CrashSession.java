package dev.lazarus.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The runs of one crash test, in order: start the application, and for each cycle kill it with
 * {@code kill -9} at its drawn moment and start it again on the same data directory. The moments are
 * drawn up front from the seed, so a failing test can be replayed with the same ones.
 */
final class CrashSession implements AutoCloseable {
    private static final int TAIL_LINES = 40;

    private final List<String> command;
    private final Path dataDir;
    private final boolean ownDir;
    private final long seed;
    private final long[] killAfterMillis;
    private final Duration timeout;
    private final List<String> earlierOutput = new ArrayList<>();
    private ChildJvm current;
    private int done;
    private boolean failed;
    private boolean closed;

    CrashSession(List<String> command, Path dataDir, boolean ownDir, long seed, int cycles, Duration killMin,
                 Duration killMax, Duration timeout) {
        this.command = command;
        this.dataDir = dataDir;
        this.ownDir = ownDir;
        this.seed = seed;
        this.timeout = timeout;
        Random random = new Random(seed);
        this.killAfterMillis = new long[cycles];
        long min = killMin.toMillis();
        long spread = killMax.toMillis() - min;
        for (int i = 0; i < cycles; i++) {
            killAfterMillis[i] = min + (spread == 0 ? 0 : random.nextLong(spread + 1));
        }
    }

    int cycles() {
        return killAfterMillis.length;
    }

    /** "crash 2 of 5: kill -9 after 1234 ms" */
    String displayName(int cycle) {
        return "crash " + cycle + " of " + cycles() + ": kill -9 after " + killAfterMillis[cycle - 1] + " ms";
    }

    /**
     * Kills the running application at its drawn moment (never before the previous invariant
     * returned) and starts it again; the first call also makes the first run.
     */
    synchronized CrashCycle next() throws InterruptedException {
        if (done == cycles()) {
            throw new IllegalStateException("all " + cycles() + " crashes are done");
        }
        if (current == null) {
            current = ChildJvm.start(command);
        }
        long wait = killAfterMillis[done] - current.age().toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        Duration ran = current.age();
        current.kill();
        List<String> killedOutput = current.out();
        earlierOutput.addAll(killedOutput);
        done++;
        current = ChildJvm.start(command);
        return new CrashCycle(done, cycles(), ran, killedOutput, List.copyOf(earlierOutput), current, timeout, dataDir);
    }

    /** The invariant's failure, with what it takes to understand and replay it. */
    synchronized AssertionError failure(CrashCycle cycle, Throwable cause) {
        failed = true;
        String what = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        AssertionError e = new AssertionError("invariant failed after " + cycle + ": " + what
                + "\n  replay the same kill moments with seed " + seed + "; the data directory is kept: " + dataDir
                + "\n  command: " + String.join(" ", command)
                + "\n" + (current == null ? "" : current.tail(TAIL_LINES)), cause);
        e.setStackTrace(cause.getStackTrace());
        return e;
    }

    /** Kills the last run; deletes the data directory it made unless a cycle failed. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            current.kill();
        }
        if (ownDir && !failed) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dataDir, e);
            }
        }
    }
}
