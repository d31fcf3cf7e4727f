package dev.lazarus.agent.cli;

import dev.lazarus.internal.record.RecordText;
import dev.lazarus.internal.snapshot.Snapshots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * While a log is read from its first record: at the position of a snapshot, the dictionary in
 * force there is known from the snapshot, which is how records of a log whose older files were
 * deleted get their class and field names (see {@link RecordText}).
 */
final class SnapshotSeeds {
    private final List<Snapshots.Info> oldestFirst = new ArrayList<>();
    private int next;

    SnapshotSeeds(Path snapshotDir) {
        for (Path file : Snapshots.list(snapshotDir)) {
            try {
                oldestFirst.add(0, Snapshots.info(file));
            } catch (RuntimeException e) {
                // a damaged snapshot carries no dictionary to trust (verify reports it)
            }
        }
    }

    /** Call after each record is decoded. */
    void after(long index, RecordText text) {
        while (next < oldestFirst.size() && oldestFirst.get(next).position() <= index) {
            Snapshots.Info s = oldestFirst.get(next++);
            if (s.position() == index && !text.dictionaryKnown()) {
                try {
                    text.seed(s.file());
                } catch (RuntimeException e) {
                    // damaged after all: the names stay unknown
                }
            }
        }
    }
}
