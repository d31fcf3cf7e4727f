package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.log.SyncMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine in process, over a real log and snapshots: generated histories of field writes (every
 * primitive kind, strings, inline values, references with sharing and cycles), operations on every
 * tracked collection kind, array writes and transactions, applied both to a durable graph (the
 * engine logs it) and to a plain model. Each history runs over several runs of the engine; a run
 * ends with a crash (the engine is dropped without its clean shutdown), sometimes inside a
 * transaction that must be rolled back (some crossing a snapshot), or with a clean close. After
 * each restart the recovered graph must print exactly as the model that received the committed
 * operations only, identity included (see {@link RoundTripShape}).
 *
 * <p>Seeds: eight fixed ones, and one more from {@code -Dlazarus.roundtrip.seed=N} to explore
 * others. A failure names its seed and prints the history.
 */
class EngineRoundTripTest {
    private static final String SEED_PROPERTY = "lazarus.roundtrip.seed";
    private static final int RUNS = 5;

    @TempDir
    Path dir;

    @AfterEach
    void uninstall() {
        Hooks.install(Journal.OFF);
    }

    static Stream<Long> seeds() {
        String property = System.getProperty(SEED_PROPERTY);
        // fixed seeds, so that the build is the same every run; explore others with the property
        LongStream fixed = LongStream.rangeClosed(1, 8);
        return property == null ? fixed.boxed() : Stream.concat(fixed.boxed(), Stream.of(Long.parseLong(property)));
    }

    /** One step of a history: the run it belongs to, and whether a crash rolled it back. */
    private static final class Step {
        final int run;
        final RoundTripOp op;
        boolean rolledBack;

        Step(int run, RoundTripOp op) {
            this.run = run;
            this.op = op;
        }

        @Override
        public String toString() {
            return "run " + run + ": " + op + (rolledBack ? "   [open at the crash: rolled back]" : "");
        }
    }

    /** One run of the engine on the data directory, and the root it returned. */
    private static final class Run {
        final Engine engine;
        final RoundTripWorld world;

        Run(Path dir) throws Exception {
            Path log = Files.createDirectories(dir.resolve("log"));
            Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
            engine = new Engine(RedoLog.open(log, SyncMode.NONE, 1000), EngineSettings.forTests(snapshots));
            Hooks.install(engine);
            // the root assignment as the agent rewrites it: the first one of a run recovers
            RoundTripNode root = (RoundTripNode) Hooks.root(new RoundTripNode(0), EngineRoundTripTest.class, "root");
            world = new RoundTripWorld(true, root);
        }

        /**
         * What a kill leaves: the records appended so far (a memory-mapped log keeps them) and no END
         * record. The log is closed only to release its files; an open transaction stays open.
         */
        void crash() {
            Hooks.install(Journal.OFF);
            engine.snapshotter().stop();
            engine.log().close();
        }

        void close() {
            Hooks.install(Journal.OFF);
            engine.close();
        }
    }

    private enum Ending { CLEAN, CRASH, CRASH_IN_TRANSACTION }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void recoveryRebuildsWhatTheCommittedHistoryBuilt(long seed) throws Exception {
        Random rnd = new Random(seed);
        RoundTripGenerator generator = new RoundTripGenerator(rnd);
        List<Step> history = new ArrayList<>();
        Path data = dir.resolve("seed-" + seed);
        Run run = null;
        try {
            run = new Run(data);
            RoundTripWorld model = new RoundTripWorld(false, new RoundTripNode(0));
            for (int r = 0; r < RUNS; r++) {
                int runNumber = r;
                int steps = 60 + rnd.nextInt(80);
                for (int s = 0; s < steps; s++) {
                    int kind = rnd.nextInt(100);
                    if (kind < 12) {
                        transaction(rnd, generator, history, r, model, run.world, true);
                    } else if (kind < 14) {
                        step(history, r, new RoundTripOp.Checkpoint(), model, run.world);
                    } else {
                        step(history, r, generator.next(model, run.world), model, run.world);
                    }
                }
                Ending ending = Ending.values()[rnd.nextInt(Ending.values().length)];
                if (ending == Ending.CRASH_IN_TRANSACTION) {
                    int from = history.size();
                    transaction(rnd, generator, history, r, model, run.world, false);
                    history.subList(from, history.size()).forEach(st -> st.rolledBack = true);
                }
                assertThat(RoundTripShape.print(run.world.root)).as("the live durable graph against the model, run %d",
                        r).isEqualTo(RoundTripShape.print(model.root));
                if (ending == Ending.CLEAN) {
                    run.close();
                } else {
                    run.crash();
                }
                run = null;
                model = committedModel(history);
                run = new Run(data);
                assertThat(RoundTripShape.print(run.world.root))
                        .as("the graph recovered after run %d (%s) against the committed history", runNumber, ending)
                        .isEqualTo(RoundTripShape.print(model.root));
            }
        } catch (Throwable t) {
            StringBuilder text = new StringBuilder("seed " + seed + " (rerun: -D" + SEED_PROPERTY + "=" + seed
                    + " -Dtest=EngineRoundTripTest): " + t + "\nhistory:\n");
            history.forEach(st -> text.append(st).append('\n'));
            throw new AssertionError(text.toString(), t);
        } finally {
            if (run != null) {
                run.close();
            }
        }
    }

    /**
     * An {@code @Atomic} call: begin, some operations (sometimes a nested call, sometimes a snapshot
     * taken while it is open), and end unless {@code commit} is false (the run dies inside it).
     */
    private static void transaction(Random rnd, RoundTripGenerator generator, List<Step> history, int run,
                                    RoundTripWorld model, RoundTripWorld durable, boolean commit) {
        step(history, run, new RoundTripOp.Begin(), model, durable);
        int ops = 1 + rnd.nextInt(8);
        int nestAt = rnd.nextInt(3) == 0 ? rnd.nextInt(ops) : -1;
        int checkpointAt = rnd.nextInt(3) == 0 ? rnd.nextInt(ops) : -1;
        for (int k = 0; k < ops; k++) {
            if (k == nestAt) {
                step(history, run, new RoundTripOp.Begin(), model, durable);
            }
            if (k == checkpointAt) {
                step(history, run, new RoundTripOp.Checkpoint(), model, durable);
            }
            step(history, run, generator.next(model, durable), model, durable);
            if (k == nestAt) {
                step(history, run, new RoundTripOp.End(), model, durable);
            }
        }
        if (commit) {
            step(history, run, new RoundTripOp.End(), model, durable);
        }
    }

    private static void step(List<Step> history, int run, RoundTripOp op, RoundTripWorld model, RoundTripWorld durable) {
        history.add(new Step(run, op));
        op.apply(model);
        op.apply(durable);
    }

    /** The model rebuilt from scratch by the operations that recovery must keep. */
    private static RoundTripWorld committedModel(List<Step> history) {
        RoundTripWorld model = new RoundTripWorld(false, new RoundTripNode(0));
        for (Step st : history) {
            if (!st.rolledBack) {
                st.op.apply(model);
            }
        }
        return model;
    }
}
