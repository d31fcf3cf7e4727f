package dev.lazarus.internal.recovery;

import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.log.SyncMode;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that decide the fate of the transactions a dead run left open, on synthetic logs: an
 * open transaction is rolled back unless a record that is applied (auto-commit or committed)
 * overwrote what it wrote, and then it goes forward with every open transaction it overwrote in
 * turn. Each row is a log (records in order) and the open transactions that must go forward.
 */
class CrashedTransactionsTest {
    @TempDir
    Path dir;

    /** One synthetic record: type, transaction (0: auto-commit), object id, field (for SET). */
    record Rec(int type, long tx, long oid, int field) {
        static Rec set(long tx, long oid, int field) {
            return new Rec(RecordType.SET, tx, oid, field);
        }

        static Rec of(int type, long tx, long oid) {
            return new Rec(type, tx, oid, 0);
        }
    }

    static Stream<Arguments> rows() {
        int set = RecordType.SET;
        return Stream.of(
                Arguments.of("alone: rolled back", List.of(Rec.set(1, 10, 1)), Set.of(1L), Set.of(), Set.of()),
                Arguments.of("its field overwritten by an auto-commit write: forward",
                        List.of(Rec.set(1, 10, 1), Rec.set(0, 10, 1)), Set.of(1L), Set.of(), Set.of(1L)),
                Arguments.of("overwritten by a committed transaction: forward",
                        List.of(Rec.set(1, 10, 1), Rec.set(2, 10, 1), Rec.of(RecordType.COMMIT, 2, 0)),
                        Set.of(1L), Set.of(2L), Set.of(1L)),
                Arguments.of("another field of the same object: rolled back",
                        List.of(Rec.set(1, 10, 1), Rec.set(0, 10, 2)), Set.of(1L), Set.of(), Set.of()),
                Arguments.of("the same field of another object: rolled back",
                        List.of(Rec.set(1, 10, 1), Rec.set(0, 11, 1)), Set.of(1L), Set.of(), Set.of()),
                Arguments.of("written before the open transaction, not after: rolled back",
                        List.of(Rec.set(0, 10, 1), Rec.set(1, 10, 1)), Set.of(1L), Set.of(), Set.of()),
                Arguments.of("operations on one collection do not overwrite each other: rolled back",
                        List.of(Rec.of(RecordType.COLLECTION, 1, 20), Rec.of(RecordType.COLLECTION, 0, 20)),
                        Set.of(1L), Set.of(), Set.of()),
                Arguments.of("an object it created, then changed by an applied record: forward",
                        List.of(Rec.of(RecordType.NEW, 1, 30), Rec.set(0, 30, 1)), Set.of(1L), Set.of(), Set.of(1L)),
                Arguments.of("an image of an object it wrote: forward",
                        List.of(Rec.set(1, 30, 4), Rec.of(RecordType.IMAGE, 0, 30)), Set.of(1L), Set.of(), Set.of(1L)),
                Arguments.of("elements of one array: forward",
                        List.of(Rec.of(RecordType.ARRAY_SET, 1, 40), Rec.of(RecordType.ARRAY_SET, 0, 40)),
                        Set.of(1L), Set.of(), Set.of(1L)),
                Arguments.of("two open on one field, nothing applied after: both rolled back",
                        List.of(Rec.set(1, 10, 1), Rec.set(2, 10, 1)), Set.of(1L, 2L), Set.of(), Set.of()),
                Arguments.of("a chain: 2 overwrote 1, an applied write overwrote 2: both forward",
                        List.of(Rec.set(1, 10, 1), Rec.set(2, 10, 1), Rec.set(2, 11, 1), Rec.set(0, 11, 1)),
                        Set.of(1L, 2L), Set.of(), Set.of(1L, 2L)),
                Arguments.of("the chain does not go backwards: 1 overwrote 2, 2 forward, 1 back",
                        List.of(Rec.set(2, 10, 1), Rec.set(1, 10, 1), Rec.set(2, 11, 1), Rec.set(0, 11, 1)),
                        Set.of(1L, 2L), Set.of(), Set.of(2L)),
                Arguments.of("a transaction rolled back by an older crash is no one's concern",
                        List.of(Rec.set(7, 10, 1), Rec.set(0, 10, 1)), Set.of(), Set.of(), Set.of()),
                Arguments.of("its own later writes do not roll it forward",
                        List.of(Rec.set(1, 10, 1), Rec.set(1, 10, 1)), Set.of(1L), Set.of(), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesTheFateOfOpenTransactions(String name, List<Rec> log, Set<Long> open, Set<Long> committedBefore,
                                          Set<Long> forward) throws Exception {
        Path logDir = Files.createDirectories(dir.resolve("log"));
        try (RedoLog redo = RedoLog.open(logDir, SyncMode.NONE, 0)) {
            RecordBuffer b = new RecordBuffer(32);
            long last = RedoLog.NO_POSITION;
            for (Rec r : log) {
                b.clear();
                b.putByte(r.type());
                b.putVarLong(r.tx());
                b.putVarLong(r.oid());
                if (r.type() == RecordType.SET) {
                    b.putVarInt(r.field());
                    b.putZigZag(42);
                }
                last = redo.append(b.array(), 0, b.length());
            }
            BitSet committed = new BitSet();
            committedBefore.forEach(tx -> committed.set(Replayer.txIndex(tx)));
            int rolledBack = CrashedTransactions.resolve(redo, RedoLog.NO_POSITION, last, committed, new HashSet<>(open));
            Set<Long> wentForward = new HashSet<>();
            open.forEach(tx -> {
                if (committed.get(Replayer.txIndex(tx))) {
                    wentForward.add(tx);
                }
            });
            assertThat(wentForward).as(name).isEqualTo(forward);
            assertThat(rolledBack).as(name + ": rolled back").isEqualTo(open.size() - forward.size());
        }
    }
}
