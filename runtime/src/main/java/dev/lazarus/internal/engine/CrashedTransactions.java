package dev.lazarus.internal.engine;

import dev.lazarus.internal.log.RedoLog;

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
 * <p>A write is one field of one object ({@code SET}), or a whole object, collection or array
 * (any other record naming it). Only overwrites are seen: a committed transaction that merely
 * read the open one's changes (and wrote them elsewhere) leaves no trace in the log.
 */
final class CrashedTransactions {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    private static final int WHOLE = -1;

    private final RecordBuffer in = new RecordBuffer(0);
    private final BitSet committed;
    private final Set<Long> open;
    /** oid -> field (or WHOLE) -> the open transaction that wrote it last. */
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
            case RecordType.NEW, RecordType.IMAGE, RecordType.COLLECTION, RecordType.ARRAY_NEW, RecordType.ARRAY_SET -> {
                oid = in.getVarLong();
                field = WHOLE;
            }
            default -> {
                return;
            }
        }
        boolean applied = tx == 0 || committed.get((int) tx);
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
        return a == WHOLE || b == WHOLE || a == b;
    }

    private void rollForward(long tx) {
        ArrayDeque<Long> pending = new ArrayDeque<>();
        pending.add(tx);
        while (!pending.isEmpty()) {
            long t = pending.poll();
            if (forward.add(t)) {
                committed.set((int) t);
                pending.addAll(overwrote.getOrDefault(t, Set.of()));
            }
        }
    }
}
