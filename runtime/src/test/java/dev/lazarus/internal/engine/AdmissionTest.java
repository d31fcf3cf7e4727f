package dev.lazarus.internal.engine;

import dev.lazarus.internal.collection.TrackedArrayList;
import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A collection checks a value before it stores it (so a refused value never reaches memory) but
 * logs nothing then: the new objects' records and the operation that references them are one
 * implicit transaction. Were they two, a snapshot's safepoint could fall between them; the snapshot
 * would drop the objects (no root reached them yet) and recovery would find the operation naming an
 * object it does not have.
 */
class AdmissionTest {
    @TempDir
    Path dir;

    @AfterEach
    void uninstall() {
        Hooks.install(Journal.OFF);
    }

    private record Rec(int type, long tx, long oid) {
    }

    @Test
    void newObjectsAndTheOperationThatReferencesThemAreOneTransaction() throws Exception {
        Engine engine = InProcessEngine.open(dir);
        long outerOid;
        long innerOid;
        try {
            TrackedArrayList<Object> outer = new TrackedArrayList<>();
            engine.root(outer, AdmissionTest.class, "outer");
            outerOid = outer.$lz$oid();
            assertThat(outerOid).as("the root's list is attached").isNotZero();
            TrackedArrayList<Object> inner = new TrackedArrayList<>();
            inner.add("x");
            outer.add(inner);
            innerOid = inner.$lz$oid();
            assertThat(innerOid).as("the added list is attached").isNotZero();

            assertThatThrownBy(() -> outer.add(new LongAdder())).hasMessageContaining("LongAdder");
            assertThat(outer).as("the refused value is not stored").containsExactly(inner);
        } finally {
            engine.close();
        }

        List<Rec> records = new ArrayList<>();
        RecordBuffer in = new RecordBuffer(0);
        InProcessEngine.replay(dir, (pos, bytes, off, len) -> {
            in.reset(bytes, off, len);
            int type = in.getByte();
            long tx = in.getVarLong();
            boolean hasOid = type == RecordType.NEW || type == RecordType.COLLECTION;
            records.add(new Rec(type, tx, hasOid ? in.getVarLong() : 0));
        });
        Rec created = records.stream().filter(r -> r.type() == RecordType.NEW && r.oid() == innerOid)
                .findFirst().orElseThrow();
        Rec added = records.stream().filter(r -> r.type() == RecordType.COLLECTION && r.oid() == outerOid)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(created.tx()).as("the new list is created inside a transaction; records %s", records).isNotZero();
        assertThat(added.tx()).as("the add that references it is in the same one; records %s", records)
                .isEqualTo(created.tx());
        int from = records.indexOf(created);
        int to = records.indexOf(added);
        assertThat(records.subList(from, to)).as("no commit in between; records %s", records)
                .noneMatch(r -> r.type() == RecordType.COMMIT);
    }
}
