package dev.lazarus.bench;

import dev.lazarus.Lazarus;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One logged change against its floor, in the same run: a plain field write, and a raw Chronicle
 * append of a record of the same size (what a logged write costs at least). Run with 1 and with
 * 2 threads ({@link BenchmarkMain}); with 2 threads each thread writes its own objects, into the
 * one log of the JVM, and the raw baselines append to one shared queue.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WritePathBenchmark {

    @State(Scope.Thread)
    public static class Tracked {
        Counter counter;
        Counter target;
        long n;

        @Setup
        public void attach() {
            if (!Lazarus.isActive()) {
                throw new IllegalStateException("run with the Lazarus agent (see BenchmarkMain)");
            }
            counter = Roots.attached("c-" + Thread.currentThread().getId());
            target = Roots.attached("t-" + Thread.currentThread().getId());
        }
    }

    @State(Scope.Thread)
    public static class Untracked {
        Plain plain = new Plain();
        long n;
    }

    /** One queue for all the benchmark's threads, as the agent has one log per JVM. */
    @State(Scope.Benchmark)
    public static class RawQueue {
        SingleChronicleQueue queue;
        /** For {@link #rawChronicleAppendLocked}: one appender behind one lock, as {@code RedoLog} does. */
        ExcerptAppender shared;
        final ReentrantLock lock = new ReentrantLock();

        @Setup(Level.Trial)
        public void open() throws IOException {
            queue = SingleChronicleQueueBuilder.binary(Files.createTempDirectory(Files2.benchDir(), "raw-chronicle"))
                    .build();
            shared = queue.createAppender();
            shared.singleThreadedCheckDisabled(true);
        }

        @TearDown(Level.Trial)
        public void close() {
            shared.close();
            queue.close();
        }
    }

    /** Chronicle's own way for several threads: one appender per thread, on the shared queue. */
    @State(Scope.Thread)
    public static class Raw {
        ExcerptAppender appender;
        long n;

        @Setup(Level.Trial)
        public void open(RawQueue q) {
            appender = q.queue.createAppender();
        }

        @TearDown(Level.Trial)
        public void close() {
            appender.close();
        }
    }

    @Benchmark
    public long plainFieldWrite(Untracked s) {
        s.plain.value = ++s.n;
        return s.n;
    }

    @Benchmark
    public long loggedLongWrite(Tracked s) {
        s.counter.value = ++s.n;
        return s.n;
    }

    @Benchmark
    public long loggedStringWrite(Tracked s) {
        s.counter.name = (++s.n & 1) == 0 ? "alpha" : "beta";
        return s.n;
    }

    @Benchmark
    public long loggedReferenceWrite(Tracked s) {
        s.counter.other = (++s.n & 1) == 0 ? s.target : null;
        return s.n;
    }

    @Benchmark
    public long loggedArrayElementWrite(Tracked s) {
        s.counter.slots[(int) (++s.n & 15)] = s.n;
        return s.n;
    }

    /** A put into a tracked {@code HashMap} (1024 keys: the map does not grow). */
    @Benchmark
    public Object loggedCollectionPut(Tracked s) {
        return s.counter.map.put((int) (++s.n & 1023), s.n);
    }

    /** An {@code @Atomic} method that writes two fields: two records and a commit. */
    @Benchmark
    public long atomicTransfer(Tracked s) {
        s.counter.transfer(s.target, 1);
        return ++s.n;
    }

    /** The same payload size as a logged long write: type, tx, oid, field, value, plus a CRC. */
    @Benchmark
    public long rawChronicleAppend(Raw s) {
        try (DocumentContext dc = s.appender.writingDocument()) {
            dc.wire().bytes().writeInt(0x12345678).writeLong(++s.n).writeInt(0x0A0B0C0D);
        }
        return s.n;
    }

    /** The same record through one appender shared by all threads behind a lock (the redo log's design). */
    @Benchmark
    public long rawChronicleAppendLocked(RawQueue q, Raw s) {
        q.lock.lock();
        try (DocumentContext dc = q.shared.writingDocument()) {
            dc.wire().bytes().writeInt(0x12345678).writeLong(++s.n).writeInt(0x0A0B0C0D);
        } finally {
            q.lock.unlock();
        }
        return s.n;
    }
}
