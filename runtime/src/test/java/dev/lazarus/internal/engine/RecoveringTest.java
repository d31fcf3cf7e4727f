package dev.lazarus.internal.engine;

import dev.lazarus.internal.collection.TrackedArrayList;
import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.hook.Recovering;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;
import dev.lazarus.internal.record.ValueCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one "recovering" flag is per thread: what a recovering thread changes is the log's own state
 * coming back and is not logged again, while the application's other threads (running beside the
 * snapshotter's background replay) go on logging theirs.
 */
class RecoveringTest {
    @TempDir
    Path dir;

    @AfterEach
    void uninstall() {
        Hooks.install(Journal.OFF);
    }

    @Test
    void aRecoveringThreadLogsNothing_theOthersLogAsUsual() throws Exception {
        Engine engine = InProcessEngine.open(dir);
        long oid;
        try {
            TrackedArrayList<Object> list = new TrackedArrayList<>();
            engine.root(list, RecoveringTest.class, "list");
            oid = list.$lz$oid();
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch otherDone = new CountDownLatch(1);
            Thread other = new Thread(() -> {
                try {
                    inside.await();
                    list.add("logged by another thread");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    otherDone.countDown();
                }
            });
            other.start();
            Recovering.run(() -> {
                list.add("replayed, not logged");
                inside.countDown();
                try {
                    assertThat(otherDone.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                assertThat(Recovering.onThisThread()).isTrue();
            });
            assertThat(Recovering.onThisThread()).isFalse();
            list.add("logged after");
        } finally {
            engine.close();
        }

        List<Object> added = new ArrayList<>();
        RecordBuffer in = new RecordBuffer(0);
        InProcessEngine.replay(dir, (pos, bytes, off, len) -> {
            in.reset(bytes, off, len);
            int type = in.getByte();
            in.getVarLong();
            if (type == RecordType.COLLECTION && in.getVarLong() == oid) {
                int op = in.getVarInt();
                in.getZigZag(); // index
                if (op != CollectionOp.RESET) { // the RESET that attached the empty list
                    added.add(ValueCodec.read(in, null));
                }
            }
        });
        assertThat(added).containsExactly("logged by another thread", "logged after");
    }
}
