package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.hook.Tracked;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests: installs a {@link RecordingJournal}, attaches collections with id 42, and
 * checks that replaying what was recorded onto a fresh JDK collection gives the same content in
 * the same iteration order.
 */
abstract class JournalTest {
    static final long OID = 42;

    RecordingJournal journal;

    @BeforeEach
    void installJournal() {
        journal = new RecordingJournal();
        Hooks.install(journal);
    }

    @AfterEach
    void restoreJournal() {
        Hooks.install(Journal.OFF);
    }

    static <T extends Tracked> T attach(T c) {
        c.$lz$oid(OID);
        return c;
    }

    /** Replays every record of {@link #OID} onto {@code fresh} and compares it with {@code tracked}. */
    void assertReplays(Object tracked, Object fresh) {
        for (RecordingJournal.Op op : journal.ops()) {
            assertThat(op.oid()).isEqualTo(OID);
            CollectionReplay.apply(fresh, op.op(), op.index(), op.a(), op.b());
        }
        assertThat(contents(fresh)).as("replayed vs memory, records: %s", journal.ops())
                .containsExactlyElementsOf(contents(tracked));
    }

    /** Elements, or entries as plain immutable pairs, in iteration order. */
    static List<Object> contents(Object c) {
        List<Object> out = new ArrayList<>();
        if (c instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
            }
        } else {
            out.addAll((Collection<?>) c);
        }
        return out;
    }
}
