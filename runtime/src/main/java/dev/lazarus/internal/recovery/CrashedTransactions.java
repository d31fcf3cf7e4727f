package dev.lazarus.internal.recovery;

import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides the fate of the transactions a crashed run left open. An open transaction is normally
 * rolled back (its records are not applied). But an {@code @Atomic} method may release its lock
 * before it returns ({@code lock()…unlock()} or a {@code synchronized} block inside the method):
 * then another transaction can overwrite what it wrote and commit first, and its absolute values
 * already include the open transaction's changes. Rolling the open one back would keep half of
 * it (inside the committed values) and drop the other half. So an open transaction whose writes
 * were overwritten by a record that is applied (auto-commit, committed, or itself rolled forward)
 * is rolled forward: applied whole, as memory held it when the run died.
 *
 * <p>What counts as overwriting: a write of the same field ({@code SET}); any element write of the
 * same array ({@code ARRAY_SET}); any change of an object, collection or array that the open
 * transaction created ({@code NEW}, {@code IMAGE}, {@code ARRAY_NEW}). Operations on the same
 * existing collection do not: they are logical operations that replay on their own (puts and
 * removes of other keys by other threads into a shared map are the common case, and counting
 * them would apply the half of a transaction that was still running). Only overwrites are seen:
 * a committed transaction that merely read the open one's changes leaves no trace in the log.
 * If the open transaction had released its lock and was still running when the run died, what it
 * wrote before is applied and what it would have written after is not: such a method was never
 * isolated from the others.
 */
final class CrashedTransactions {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    private static final int WHOLE = -1;
    private static final int ELEMENTS = -2;
    private static final int OPERATION = -3;

    private final RecordBuffer in = new RecordBuffer(0);
    private final BitSet committed;
    private final Set<Long> open;
    /** oid -> field (or WHOLE, ELEMENTS, OPERATION) -> the open transaction that wrote it last. */
    private final Map<Long, Map<Integer, Long>> writers = new HashMap<>();
    /** open transaction -> open transactions whose writes it overwrote (they go forward with it). */
    private final Map<Long, Set<Long>> overwrote = new HashMap<>();
    private final Set<Long> forward = new HashSet<>();

    private CrashedTransactions(BitSet committed, Set<Long> open) {
        this.committed = committed;
        this.open = open;
    }

    /**
     * Reads the records after {@code from} up to {@code upTo} (the end of the crashed run), marks in
     * {@code committed} the open transactions that must be rolled forward, and returns how many
     * were rolled back.
     */
    static int resolve(RedoLog log, long from, long upTo, BitSet committed, Set<Long> open) {
        CrashedTransactions c = new CrashedTransactions(committed, open);
        log.replayBetween(from, upTo, c::record);
        if (!c.forward.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Lazarus applied " + c.forward.size() + " transaction(s) that had not"
                    + " committed when the run died, because committed changes had overwritten theirs (the @Atomic"
                    + " method had released its lock before returning)");
        }
        return open.size() - c.forward.size();
    }

    private void record(long pos, byte[] bytes, int off, int len) {
        in.reset(bytes, off, len);
        int type = in.getByte();
        long tx = in.getVarLong();
        long oid;
        int field;
        switch (type) {
            case RecordType.SET -> {
                oid = in.getVarLong();
                field = in.getVarInt();
            }
            case RecordType.NEW, RecordType.IMAGE, RecordType.ARRAY_NEW -> {
                oid = in.getVarLong();
                field = WHOLE;
            }
            case RecordType.ARRAY_SET -> {
                oid = in.getVarLong();
                field = ELEMENTS;
            }
            case RecordType.COLLECTION -> {
                oid = in.getVarLong();
                field = OPERATION;
            }
            default -> {
                return;
            }
        }
        boolean applied = tx == 0 || committed.get(Replayer.txIndex(tx));
        Map<Integer, Long> written = writers.get(oid);
        if (applied) {
            if (written != null) {
                for (Map.Entry<Integer, Long> e : written.entrySet()) {
                    if (overlaps(field, e.getKey()) && e.getValue() != tx) {
                        rollForward(e.getValue());
                    }
                }
            }
            return;
        }
        if (!open.contains(tx)) {
            return; // rolled back before this run (an older crash): nothing depends on it
        }
        if (written == null) {
            written = new HashMap<>();
            writers.put(oid, written);
        } else {
            for (Map.Entry<Integer, Long> e : written.entrySet()) {
                if (overlaps(field, e.getKey()) && e.getValue() != tx) {
                    overwrote.computeIfAbsent(tx, k -> new HashSet<>()).add(e.getValue());
                }
            }
        }
        written.put(field, tx);
    }

    private static boolean overlaps(int a, int b) {
        return a == WHOLE || b == WHOLE || (a == b && a != OPERATION);
    }

    private void rollForward(long tx) {
        ArrayDeque<Long> pending = new ArrayDeque<>();
        pending.add(tx);
        while (!pending.isEmpty()) {
            long t = pending.poll();
            if (forward.add(t)) {
                committed.set(Replayer.txIndex(t));
                pending.addAll(overwrote.getOrDefault(t, Set.of()));
            }
        }
    }
}
