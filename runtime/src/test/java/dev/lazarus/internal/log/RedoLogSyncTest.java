package dev.lazarus.internal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedoLogSyncTest {
    @TempDir
    Path dir;

    private static long append(RedoLog log, int thread, long seq) {
        byte[] p = Payloads.make(0, thread, seq);
        return log.append(p, 0, p.length);
    }

    private static void awaitForced(RedoLog log, long pos, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (log.forcedPosition() < pos && System.nanoTime() < deadline)
            Thread.sleep(5);
    }

    @Test
    void noneForcesNothingUnlessAsked() throws Exception {
        try (RedoLog log = RedoLog.open(dir, SyncMode.NONE, 0)) {
            long p = append(log, 0, 0);
            log.commit(p); // returns at once
            Thread.sleep(50);
            assertThat(log.forceCount()).isZero();
            assertThat(log.forcedPosition()).isEqualTo(RedoLog.NO_POSITION);
            log.forceAll();
            assertThat(log.forceCount()).isEqualTo(1);
            assertThat(log.forcedPosition()).isEqualTo(p);
            log.forceAll(); // nothing new: no force
            assertThat(log.forceCount()).isEqualTo(1);
        }
    }

    @Test
    void intervalForcesInTheBackgroundAndOnlyWhenThereIsSomethingNew() throws Exception {
        try (RedoLog log = RedoLog.open(dir, SyncMode.INTERVAL, 20)) {
            Thread.sleep(100);
            assertThat(log.forceCount()).as("idle log: no forces").isZero();
            long p = append(log, 0, 0);
            log.commit(p); // returns at once in INTERVAL
            awaitForced(log, p, 5_000);
            assertThat(log.forcedPosition()).isEqualTo(p);
            long forces = log.forceCount();
            assertThat(forces).isGreaterThanOrEqualTo(1);
            Thread.sleep(100);
            assertThat(log.forceCount()).as("idle again: no more forces").isEqualTo(forces);
            long q = 0;
            for (int i = 1; i <= 100; i++)
                q = append(log, 0, i);
            awaitForced(log, q, 5_000);
            assertThat(log.forcedPosition()).isEqualTo(q);
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("lazarus-redo-sync") && t.isDaemon());
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("lazarus-redo-sync") && t.isAlive());
    }

    @Test
    void alwaysCommitsAreForcedAndShareForces() throws Exception {
        int threads = 8;
        int each = 150;
        AtomicLong notCovered = new AtomicLong();
        try (RedoLog log = RedoLog.open(dir, SyncMode.ALWAYS, 0)) {
            long before = log.forceCount();
            // one committer: one force per commit
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++)
                log.commit(append(log, 99, i));
            long perForce = (System.nanoTime() - t0) / 10;
            assertThat(log.forceCount() - before).isEqualTo(10);
            if (perForce < 30_000) // a disk that forces in no time (tmpfs): committers would rarely overlap
                log.syncer().extraForceNanosForTests = 300_000;

            long start = log.forceCount();
            CyclicBarrier go = new CyclicBarrier(threads);
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                ts.add(new Thread(() -> {
                    try {
                        go.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < each; i++) {
                        long p = append(log, thread, i);
                        log.commit(p);
                        if (log.forcedPosition() < p)
                            notCovered.incrementAndGet();
                    }
                }));
            }
            ts.forEach(Thread::start);
            for (Thread t : ts)
                t.join();
            long forces = log.forceCount() - start;
            long commits = (long) threads * each;
            assertThat(notCovered.get()).as("commits that returned before their record was forced").isZero();
            assertThat(forces).as("forces for %d concurrent commits (group commit)", commits).isLessThan(commits);
            RedoLogCrashTest.report("redo-group-commit.txt", threads + " threads x " + each
                    + " commits: " + forces + " forces (single committer: " + perForce / 1000 + " us per commit)\n");
        }
    }

    @Test
    void aCommitWhosePositionIsCoveredReturnsWithoutForcing() {
        try (RedoLog log = RedoLog.open(dir, SyncMode.ALWAYS, 0)) {
            long a = append(log, 0, 0);
            long b = append(log, 0, 1);
            log.commit(b);
            long forces = log.forceCount();
            log.commit(a);
            log.commit(b);
            assertThat(log.forceCount()).isEqualTo(forces);
            assertThatThrownBy(() -> log.commit(b + 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void interruptedCommitterStillForcesAndKeepsItsInterrupt() {
        try (RedoLog log = RedoLog.open(dir, SyncMode.ALWAYS, 0)) {
            Thread.currentThread().interrupt();
            try {
                long p = append(log, 0, 0);
                log.commit(p);
                assertThat(log.forcedPosition()).isEqualTo(p);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
                long q = append(log, 0, 1); // the log still works for everybody
                log.commit(q);
                assertThat(log.forcedPosition()).isEqualTo(q);
            } finally {
                Thread.interrupted();
            }
        }
    }
}
