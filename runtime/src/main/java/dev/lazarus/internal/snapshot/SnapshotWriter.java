package dev.lazarus.internal.snapshot;

import dev.lazarus.internal.engine.Unreachable;
import dev.lazarus.internal.hook.Tracked;
import dev.lazarus.internal.record.FieldTable;
import dev.lazarus.internal.record.GraphCodec;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;
import dev.lazarus.internal.record.ValueCodec;
import dev.lazarus.internal.recovery.Replayer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the graph a {@link Replayer} rebuilt as a snapshot: the objects reachable from the roots
 * (and, for one snapshot more, those that became unreachable since the last: {@link Unreachable}), the roots, and the dictionary in force at the
 * snapshot's position (the log after it uses those numbers).
 */
final class SnapshotWriter implements GraphCodec.Sink {
    private final SnapshotFile.Writer file;
    /** Ids of arrays; tracked objects carry theirs in their injected field (a shadow graph: nobody else sees it). */
    private final Map<Object, Long> arrayOids = new IdentityHashMap<>();
    private final Map<Class<?>, Integer> classIds = new HashMap<>();
    private final Set<Integer> fieldsDefined = new HashSet<>();
    private final RecordBuffer record = new RecordBuffer(1024);
    private final RecordBuffer definition = new RecordBuffer(256);
    private long nextOid;
    /** The arrays the last walk reached. */
    private final Set<Object> reachedArrays = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private SnapshotWriter(SnapshotFile.Writer file, Replayer graph) {
        this.file = file;
        graph.objects().forEach((o, oid) -> {
            if (o instanceof Tracked t) {
                t.$lz$oid(oid);
            } else {
                arrayOids.put(o, oid);
            }
        });
        this.nextOid = graph.maxOid();
    }

    /**
     * Writes the snapshot of {@code graph} at log position {@code position}; returns the file and the
     * object count. What no root reaches is left out only if {@code unreachable} had marked it before
     * (see {@link Unreachable}); what it had not is kept, with what it reaches, and marked once the
     * file is on disk.
     */
    static Map.Entry<Path, Integer> write(Path dir, long position, Replayer graph, Unreachable unreachable) {
        try (SnapshotFile.Writer file = new SnapshotFile.Writer(dir, position)) {
            SnapshotWriter w = new SnapshotWriter(file, graph);
            w.header(RecordType.RUN_START).putLong(System.currentTimeMillis());
            w.end();
            List<Object> objects = w.reachable(graph.roots().values());
            long[] unmarked = w.unreachedAndUnmarked(graph, unreachable); // while the walk's marks are on
            restoreIds(objects);
            if (unmarked.length > 0) {
                List<Object> from = new ArrayList<>(graph.roots().values());
                for (long oid : unmarked) {
                    from.add(graph.objects().get(oid));
                }
                objects = w.reachable(from);
                restoreIds(objects);
            }
            GraphCodec.writeObjects(objects, w);
            for (Map.Entry<String, Object> root : graph.roots().entrySet()) {
                RecordBuffer b = w.begin(RecordType.ROOT);
                b.putString(root.getKey());
                ValueCodec.write(b, root.getValue(), w);
                w.end();
            }
            // the numbers the log after this position uses
            w.header(RecordType.RUN_START).putLong(0);
            w.end();
            graph.classNames().forEach((id, name) -> {
                RecordBuffer b = w.header(RecordType.CLASS);
                b.putVarInt(id);
                b.putString(name);
                w.end();
            });
            graph.fieldNames().forEach((id, f) -> {
                RecordBuffer b = w.header(RecordType.FIELD);
                b.putVarInt(id);
                b.putString(f[0]);
                b.putString(f[1]);
                b.putString(f[2]);
                w.end();
            });
            Path path = file.finish(position, w.nextOid, graph.maxTx(), objects.size());
            for (long oid : unmarked) {
                unreachable.mark(oid); // left out by the next snapshot if still unreachable and marked then
            }
            return Map.entry(path, objects.size());
        }
    }

    /**
     * The ids of the objects of {@code graph} that the last walk did not reach and that
     * {@code unreachable} has not marked. Called before {@link #restoreIds}: a reached tracked object
     * still carries its negated id.
     */
    private long[] unreachedAndUnmarked(Replayer graph, Unreachable unreachable) {
        long[][] out = {new long[16]};
        int[] n = {0};
        graph.objects().forEach((o, oid) -> {
            boolean reached = o instanceof Tracked t ? t.$lz$oid() < 0 : reachedArrays.contains(o);
            if (!reached && !unreachable.isMarked(oid)) {
                if (n[0] == out[0].length) {
                    out[0] = java.util.Arrays.copyOf(out[0], n[0] * 2);
                }
                out[0][n[0]++] = oid;
            }
        });
        return java.util.Arrays.copyOf(out[0], n[0]);
    }

    /**
     * Breadth-first from the roots; objects the log never named (built by a constructor) get new
     * ids. A tracked object is marked as seen by negating its id ({@link #restoreIds} before
     * writing), an array by {@link #reachedArrays}: no second map as large as the graph.
     */
    private List<Object> reachable(Iterable<Object> roots) {
        List<Object> out = new ArrayList<>();
        reachedArrays.clear();
        ArrayDeque<Object> work = new ArrayDeque<>();
        GraphCodec.ChildVisitor visit = (v, owner, where) -> enqueue(v, reachedArrays, work);
        for (Object r : roots) {
            enqueue(r, reachedArrays, work);
        }
        while (!work.isEmpty()) {
            Object o = work.poll();
            out.add(o);
            GraphCodec.forEachChild(o, visit);
        }
        return out;
    }

    private static void restoreIds(List<Object> reached) {
        for (Object o : reached) {
            if (o instanceof Tracked t) {
                t.$lz$oid(-t.$lz$oid());
            }
        }
    }

    private void enqueue(Object v, Set<Object> seenArrays, ArrayDeque<Object> work) {
        switch (ValueCodec.kindOf(v)) {
            case TRACKED: {
                Tracked t = (Tracked) v;
                long oid = t.$lz$oid();
                if (oid >= 0) {
                    t.$lz$oid(-(oid == 0 ? ++nextOid : oid));
                    work.add(v);
                }
                break;
            }
            case ARRAY:
                if (seenArrays.add(v)) {
                    arrayOids.computeIfAbsent(v, a -> ++nextOid);
                    work.add(v);
                }
                break;
            case COMPOSITE:
            case MUTABLE: // an AtomicReference's value
                ValueCodec.forEachPart(v, p -> enqueue(p, seenArrays, work));
                break;
            default:
                break;
        }
    }

    private RecordBuffer header(int type) {
        record.clear();
        record.putByte(type);
        record.putVarLong(0);
        return record;
    }

    @Override
    public RecordBuffer begin(int type) {
        return header(type);
    }

    @Override
    public void end() {
        file.record(record.array(), 0, record.length());
    }

    @Override
    public void defineField(int id) {
        if (fieldsDefined.add(id)) {
            FieldTable.Entry e = FieldTable.entry(id);
            definition.clear();
            definition.putByte(RecordType.FIELD);
            definition.putVarLong(0);
            definition.putVarInt(id);
            definition.putString(e.className());
            definition.putString(e.name());
            definition.putString(e.descriptor());
            file.record(definition.array(), 0, definition.length());
        }
    }

    /** A class number of the snapshot's own; its CLASS record goes out before the record being built. */
    @Override
    public int classId(Class<?> c) {
        Integer id = classIds.get(c);
        if (id == null) {
            id = classIds.size() + 1;
            classIds.put(c, id);
            definition.clear();
            definition.putByte(RecordType.CLASS);
            definition.putVarLong(0);
            definition.putVarInt(id);
            definition.putString(c.getName());
            file.record(definition.array(), 0, definition.length());
        }
        return id;
    }

    @Override
    public long oidOf(Object o) {
        if (o instanceof Tracked t) {
            return t.$lz$oid();
        }
        Long id = arrayOids.get(o);
        if (id == null) {
            throw new IllegalStateException("object outside the snapshot's graph: " + o.getClass().getName());
        }
        return id;
    }
}
