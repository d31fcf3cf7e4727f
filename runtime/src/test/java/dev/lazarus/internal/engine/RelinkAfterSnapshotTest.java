package dev.lazarus.internal.engine;

import dev.lazarus.internal.collection.TrackedArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An object that no root reaches when a snapshot is taken may be left out of it, but the application
 * may still hold it and link it back afterwards: recovery must still have it ({@link Unreachable}).
 * Left out for good, without those marks, the object came back as null, with only a warning at
 * recovery.
 */
@SuppressWarnings("unchecked")
class RelinkAfterSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void anObjectDetachedAcrossASnapshotAndLinkedBackIsRecovered() throws Exception {
        InProcessEngine.run(dir, e -> {
            TrackedArrayList<Object> root = new TrackedArrayList<>();
            e.root(root, RelinkAfterSnapshotTest.class, "root");
            TrackedArrayList<Object> inner = new TrackedArrayList<>();
            inner.add("payload");
            root.add(inner);
            root.remove(0);
            e.checkpoint();
            root.add(inner);
            inner.add("more");
            return null;
        });
        Object recovered = InProcessEngine.run(dir, RelinkAfterSnapshotTest::root);
        assertThat(recovered).isEqualTo(List.of(List.of("payload", "more")));
    }

    @Test
    void anObjectLeftOutOfASnapshotAndLinkedBackIsRecovered_andOneNeverLinkedBackIsLeftOut() throws Exception {
        int[] objects = new int[3];
        InProcessEngine.run(dir, e -> {
            TrackedArrayList<Object> root = new TrackedArrayList<>();
            e.root(root, RelinkAfterSnapshotTest.class, "root");
            TrackedArrayList<Object> kept = new TrackedArrayList<>(List.of("kept"));
            TrackedArrayList<Object> garbage = new TrackedArrayList<>(List.of("garbage"));
            root.add(kept);
            root.add(garbage);
            objects[0] = checkpoint(e, root); // root, kept, garbage
            root.clear();
            objects[1] = checkpoint(e, root); // both unreachable, not marked yet: kept, and marked
            objects[2] = checkpoint(e, root); // still unreachable and marked: left out
            root.add(kept);
            kept.add("again");
            return null;
        });
        assertThat(objects).as("objects in the three snapshots").containsExactly(3, 3, 1);
        Object recovered = InProcessEngine.run(dir, RelinkAfterSnapshotTest::root);
        assertThat(recovered).isEqualTo(List.of(List.of("kept", "again")));
        int after = InProcessEngine.run(dir, e -> checkpoint(e, (List<Object>) root(e)));
        assertThat(after).as("the object linked back is in the next snapshot").isEqualTo(2);
    }

    @Test
    void anObjectMarkedWhileReachableAndLoggedAgainStaysOneObject() throws Exception {
        InProcessEngine.run(dir, e -> {
            TrackedArrayList<Object> root = new TrackedArrayList<>();
            e.root(root, RelinkAfterSnapshotTest.class, "root");
            TrackedArrayList<Object> shared = new TrackedArrayList<>(List.of("shared"));
            root.add(shared);
            // linked back after a snapshot's safepoint but before it marked it: the mark is stale
            e.unreachable().mark(shared.$lz$oid());
            root.add(shared); // logged again, under the same id
            shared.add("changed");
            return null;
        });
        List<Object> recovered = (List<Object>) InProcessEngine.run(dir, RelinkAfterSnapshotTest::root);
        assertThat(recovered).isEqualTo(List.of(List.of("shared", "changed"), List.of("shared", "changed")));
        assertThat(recovered.get(0)).as("one object, held twice").isSameAs(recovered.get(1));
    }

    /** The root after recovery (a fresh list were there nothing to recover). */
    private static Object root(Engine e) {
        return e.root(new TrackedArrayList<>(), RelinkAfterSnapshotTest.class, "root");
    }

    /** Logs a change (a snapshot needs one since the last) and takes a snapshot; returns its object count. */
    private static int checkpoint(Engine e, List<Object> root) {
        root.add("tick");
        root.remove("tick");
        e.checkpoint();
        return e.snapshotter().last().objects();
    }
}
