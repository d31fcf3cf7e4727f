package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.hook.Tracked;
import dev.lazarus.internal.log.LogWriteException;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.log.SyncMode;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The write side of Lazarus: turns the hooks' reports into redo-log records, attaches objects as
 * they become reachable, groups the records of {@code @Atomic} calls into transactions, and runs
 * recovery at the first root assignment.
 *
 * <p>Records are appended on the thread that made the change, right after the change reached
 * memory and under whatever lock the application holds, so log order follows memory order.
 */
public final class Engine implements Journal, ValueCodec.Writing {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

    /** True while recovery rebuilds objects: every hook is silent. A plain flag: read on every write. */
    static boolean replaying;

    private final RedoLog log;
    private final SyncMode sync;
    private final boolean strict;
    private final String description;
    private final Dictionary dictionary;
    private final ArrayRegistry arrays = new ArrayRegistry();
    private final MutableRegistry mutables = new MutableRegistry();
    private final AtomicLong oids = new AtomicLong();
    private final AtomicLong txs = new AtomicLong();
    private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private final Object rootLock = new Object();
    private volatile boolean started;
    private Map<String, Object> recoveredRoots = Map.of();
    private final Set<String> claimedRoots = new HashSet<>();
    private final InstanceRoots instanceRoots = new InstanceRoots();
    private volatile RecoveryReport report;
    private volatile boolean closed;
    private volatile Runnable afterRecovery = () -> { };

    /** Per-thread writer state: the record being encoded and the open transaction. */
    private static final class ThreadState {
        final RecordBuffer buf = new RecordBuffer(512);
        int depth;
        long tx;
    }

    private final Path snapshotDir;
    private final Snapshotter snapshotter;

    /**
     * @param snapshotDir where snapshots live (created by the caller)
     * @param policy      when to take them
     */
    private final Renames renames;
    private final long rtoMs;

    public Engine(RedoLog log, SyncMode sync, boolean strict, String description, Path snapshotDir,
                  long snapshotIntervalMs, long snapshotLogBytes, long rtoMs, Renames renames) {
        this.renames = renames;
        this.rtoMs = rtoMs;
        this.log = log;
        this.sync = sync;
        this.strict = strict;
        this.description = description;
        this.dictionary = new Dictionary(log);
        this.snapshotDir = snapshotDir;
        this.snapshotter = new Snapshotter(log, snapshotDir,
                new Snapshotter.Policy(snapshotIntervalMs, snapshotLogBytes, rtoMs), renames);
    }

    // ------------------------------------------------------------------ Journal: facade

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public void awaitDurable() {
        log.forceAll();
    }

    @Override
    public String status() {
        RecoveryReport r = report;
        Snapshotter.Taken last = snapshotter.last();
        return "Lazarus active: " + description + (r == null ? ", not recovered yet" : ", " + r.summary())
                + (last == null ? ", no snapshot this run" : ", last snapshot " + last.objects() + " objects at "
                + Long.toHexString(last.position()) + " in " + last.millis() + " ms")
                + ", estimated recovery " + snapshotter.estimatedRecoveryMillis() + " ms";
    }

    /** Takes a snapshot now (on the calling thread) at the log's last safepoint. */
    @Override
    public void checkpoint() {
        if (started) {
            snapshotter.checkpoint();
        }
    }

    /** Runs {@code r} once recovery is done (on the thread that recovered: keep it short). */
    public void afterRecovery(Runnable r) {
        this.afterRecovery = r;
    }

    /** The figures of this run's recovery, or null before it. */
    RecoveryReport recoveryReport() {
        return report;
    }

    Snapshotter snapshotter() {
        return snapshotter;
    }

    RedoLog log() {
        return log;
    }

    /** The estimated recovery time if the JVM died now. */
    public long estimatedRecoveryMillis() {
        return snapshotter.estimatedRecoveryMillis();
    }

    // ------------------------------------------------------------------ Journal: field writes

    @Override
    public void setInt(long oid, int value, int field) {
        setPrimitive(oid, field, value);
    }

    @Override
    public void setLong(long oid, long value, int field) {
        setPrimitive(oid, field, value);
    }

    private void setPrimitive(long oid, int field, long bits) {
        if (replaying) {
            return;
        }
        dictionary.ensureField(field);
        ThreadState t = threads.get();
        RecordBuffer b = header(t, RecordType.SET);
        b.putVarLong(oid);
        b.putVarInt(field);
        b.putZigZag(bits);
        appendAndCommit(t);
    }

    @Override
    public void setObject(long oid, Object value, int field) {
        if (replaying) {
            return;
        }
        dictionary.ensureField(field);
        ThreadState t = threads.get();
        boolean implicit = beginImplicit(t, value);
        try {
            attach(t, value, field, null);
            republishArray(t, value);
            RecordBuffer b = header(t, RecordType.SET);
            b.putVarLong(oid);
            b.putVarInt(field);
            ValueCodec.write(b, value, this);
            appendAndCommit(t);
        } finally {
            endImplicit(t, implicit);
        }
    }

    @Override
    public void setObjectOwned(Object owner, long oid, Object value, int field) {
        setObject(oid, value, field);
        if (value != null && MutableValues.isMutableValue(value.getClass())) {
            mutables.register(value, owner, field);
        }
    }

    /**
     * Logs the field that holds {@code value} again, with the value's whole new content, if an
     * attached object's field still holds it (the registry may be stale: the field overwritten since).
     */
    @Override
    public void valueMutated(Object value) {
        if (replaying) {
            return;
        }
        MutableRegistry.Holder h = mutables.holderOf(value);
        if (h == null) {
            return;
        }
        Object owner = h.owner().get();
        long oid = owner instanceof Tracked tr ? tr.$lz$oid() : 0;
        if (oid == 0 || GraphCodec.read(ClassModel.of(owner.getClass()).slot(h.field()).field(), owner) != value) {
            mutables.forget(value);
            return;
        }
        setObject(oid, value, h.field());
    }

    // ------------------------------------------------------------------ Journal: collections, arrays

    @Override
    public void collection(long oid, int op, int index, Object a, Object b) {
        if (replaying) {
            return;
        }
        ThreadState t = threads.get();
        if (ValueCodec.isPlainValue(a) && ValueCodec.isPlainValue(b)) {
            // the common case (keys and values that are plain values): nothing to attach or check
            writeCollectionOp(t, oid, op, index, a, b);
            return;
        }
        // a RESET carries the whole content as an Object[]: its elements are the values, not the array
        Object[] all = op == CollectionOp.RESET && a instanceof Object[] content ? content : null;
        boolean needs = needsAttach(b) || (all == null ? needsAttach(a) : anyNeedsAttach(all));
        boolean implicit = needs && t.depth == 0;
        if (implicit) {
            t.depth = 1;
        }
        try {
            if (all == null) {
                attach(t, a, 0, "a collection element");
            } else {
                for (Object v : all) {
                    attach(t, v, 0, "a collection element");
                }
            }
            attach(t, b, 0, "a collection element");
            writeCollectionOp(t, oid, op, index, a, b);
        } finally {
            endImplicit(t, implicit);
        }
    }

    /**
     * Before a collection stores {@code element}: refuses it now if attaching it would, so that a
     * refused element never reaches memory. Nothing is logged and no id is kept: the element is
     * attached by the operation's own record, in the same implicit transaction, so that no
     * snapshot's safepoint can fall between the objects' NEW records and the reference to them (a
     * snapshot drops what no root reaches, and the reference would then name an object that the
     * snapshot does not hold).
     */
    @Override
    public void admit(Object element) {
        if (replaying || ValueCodec.isPlainValue(element)) {
            return;
        }
        attach(null, element, 0, "a collection element", false);
    }

    private void writeCollectionOp(ThreadState t, long oid, int op, int index, Object a, Object b) {
        RecordBuffer buf = header(t, RecordType.COLLECTION);
        GraphCodec.writeCollectionOp(buf, oid, op, index, a, b, this);
        appendAndCommit(t);
    }

    @Override
    public void arrayWritten(Object array, int from, int to) {
        if (replaying || from >= to) {
            return;
        }
        long oid = arrays.oidOf(array);
        if (oid == 0) {
            return;
        }
        ThreadState t = threads.get();
        boolean implicit = false;
        if (array instanceof Object[] objects) {
            for (int i = from; i < to && !implicit; i++) {
                implicit = beginImplicit(t, objects[i]);
            }
        }
        try {
            if (array instanceof Object[] objects) {
                for (int i = from; i < to; i++) {
                    attach(t, objects[i], 0, "an element of a tracked array");
                }
            }
            RecordBuffer b = header(t, RecordType.ARRAY_SET);
            GraphCodec.writeArrayElements(b, oid, array, from, to, this);
            appendAndCommit(t);
        } finally {
            endImplicit(t, implicit);
        }
    }

    /**
     * Assigning an already tracked array to a field logs its whole content: the remedy for element
     * writes Lazarus cannot see (made through an alias by code that never names a tracked field).
     */
    private void republishArray(ThreadState t, Object value) {
        if (value != null && value.getClass().isArray()) {
            long arrayOid = arrays.oidOf(value);
            int length = Array.getLength(value);
            if (arrayOid != 0 && length > 0) {
                if (value instanceof Object[] objects) {
                    for (Object o : objects) {
                        attach(t, o, 0, "an element of a tracked array");
                    }
                }
                RecordBuffer b = header(t, RecordType.ARRAY_SET);
                GraphCodec.writeArrayElements(b, arrayOid, value, 0, length, this);
                log.append(b.array(), 0, b.length());
            }
        }
    }

    // ------------------------------------------------------------------ Journal: roots

    @Override
    public Object root(Object value, Class<?> owner, String field) {
        if (replaying || Replayer.ACTIVE.get()) {
            return value;
        }
        ensureStarted(owner.getClassLoader());
        return assignRoot(RootNames.of(owner, field), value);
    }

    @Override
    public Object instanceRoot(Object instance, Object value, Class<?> owner, String field, String keyField) {
        if (replaying || Replayer.ACTIVE.get()) {
            return value;
        }
        ensureStarted(owner.getClassLoader());
        String name;
        synchronized (rootLock) {
            try {
                name = instanceRoots.claim(instance, owner, field, keyField);
            } catch (IllegalStateException e) {
                // also logged: the application may swallow the exception (a library's worker thread)
                LOG.log(System.Logger.Level.ERROR, e.getMessage());
                throw e;
            }
        }
        return assignRoot(name, value);
    }

    private Object assignRoot(String name, Object value) {
        synchronized (rootLock) {
            if (claimedRoots.add(name) && recoveredRoots.containsKey(name)) {
                // the first assignment in a run with recovered state: the field gets the recovered object,
                // with the wiring (exclude= fields) of the one the application just built
                Object recovered = recoveredRoots.get(name);
                ClassModel.adoptWiring(value, recovered);
                return recovered;
            }
        }
        ThreadState t = threads.get();
        boolean implicit = beginImplicit(t, value);
        try {
            attach(t, value, 0, "root " + name);
            RecordBuffer b = header(t, RecordType.ROOT);
            b.putString(name);
            ValueCodec.write(b, value, this);
            appendAndCommit(t);
        } finally {
            endImplicit(t, implicit);
        }
        return value;
    }

    // ------------------------------------------------------------------ Journal: transactions

    @Override
    public void begin() {
        threads.get().depth++;
    }

    @Override
    public void end() {
        ThreadState t = threads.get();
        if (--t.depth == 0 && t.tx != 0) {
            long tx = t.tx;
            t.tx = 0;
            RecordBuffer b = t.buf.clear();
            b.putByte(RecordType.COMMIT);
            b.putVarLong(tx);
            long pos = log.append(b.array(), 0, b.length());
            if (sync == SyncMode.ALWAYS) {
                log.commit(pos);
            }
        }
    }

    /** An auto-commit change that attaches objects becomes a transaction of its own, attach included. */
    private boolean beginImplicit(ThreadState t, Object value) {
        if (t.depth == 0 && needsAttach(value)) {
            t.depth = 1;
            return true;
        }
        return false;
    }

    private void endImplicit(ThreadState t, boolean implicit) {
        if (implicit) {
            end();
        }
    }

    private RecordBuffer header(ThreadState t, int type) {
        RecordBuffer b = t.buf.clear();
        b.putByte(type);
        if (t.depth > 0) {
            if (t.tx == 0) {
                t.tx = txs.incrementAndGet();
            }
            b.putVarLong(t.tx);
        } else {
            b.putVarLong(0);
        }
        return b;
    }

    private void appendAndCommit(ThreadState t) {
        long pos = log.append(t.buf.array(), 0, t.buf.length());
        if (t.depth == 0 && sync == SyncMode.ALWAYS) {
            log.commit(pos);
        }
    }

    // ------------------------------------------------------------------ attaching

    private boolean anyNeedsAttach(Object[] values) {
        for (Object v : values) {
            if (needsAttach(v)) {
                return true;
            }
        }
        return false;
    }

    private boolean needsAttach(Object v) {
        switch (ValueCodec.kindOf(v)) {
            case TRACKED:
                return ((Tracked) v).$lz$oid() == 0;
            case ARRAY:
                return arrays.oidOf(v) == 0;
            case MUTABLE:
                return v instanceof AtomicReference<?> r && needsAttach(r.get());
            case COMPOSITE: {
                boolean[] any = {false};
                ValueCodec.forEachPart(v, p -> any[0] |= needsAttach(p));
                return any[0];
            }
            default:
                return false;
        }
    }

    /**
     * Gives ids to {@code value} and everything newly reachable through it, then logs them: first a
     * NEW record for each (so references between them resolve), then their images.
     */
    private void attach(ThreadState t, Object value, int fieldId, String where) {
        attach(t, value, fieldId, where, true);
    }

    /** With {@code write} false, only checks: what would be refused is, and the ids given are taken back. */
    private void attach(ThreadState t, Object value, int fieldId, String where, boolean write) {
        ValueCodec.Kind kind = ValueCodec.kindOf(value);
        if (kind == ValueCodec.Kind.NULL || kind == ValueCodec.Kind.VALUE) {
            return; // the common case: nothing to attach, nothing to check
        }
        if (kind == ValueCodec.Kind.MUTABLE) {
            if (where != null) {
                untrackable(value, where); // only fields re-log a mutable value; not elements nor roots
            } else if (value instanceof AtomicReference<?> r) {
                attach(t, r.get(), 0, "the value of an AtomicReference in " + fieldName(fieldId));
            }
            return;
        }
        if (!needsAttach(value)) {
            if (kind == ValueCodec.Kind.UNTRACKABLE || kind == ValueCodec.Kind.COMPOSITE) {
                discover(value, new ArrayList<>(), null, where != null ? where : fieldName(fieldId)); // only checks
            }
            return;
        }
        List<Object> batch = new ArrayList<>();
        try {
            discover(value, batch, null, where != null ? where : fieldName(fieldId));
            for (int i = 0; i < batch.size(); i++) {
                Object o = batch.get(i);
                if (GraphCodec.hasImage(o) && !ClassModel.of(o.getClass()).untracked.isEmpty()) {
                    untrackableField(ClassModel.of(o.getClass()).untracked.get(0));
                }
                GraphCodec.forEachChild(o, (child, owner, at) -> discover(child, batch, owner, at));
            }
        } catch (RuntimeException e) {
            forget(batch);
            throw e;
        }
        if (!write) {
            forget(batch);
            return;
        }
        GraphCodec.writeObjects(batch, new GraphCodec.Sink() {
            @Override
            public RecordBuffer begin(int type) {
                return header(t, type);
            }

            @Override
            public void end() {
                log.append(t.buf.array(), 0, t.buf.length());
            }

            @Override
            public void defineField(int id) {
                dictionary.ensureField(id);
            }

            @Override
            public int classId(Class<?> c) {
                return dictionary.classId(c);
            }

            @Override
            public long oidOf(Object o) {
                return Engine.this.oidOf(o);
            }
        });
    }

    /** Takes back the ids a discovery gave. */
    private void forget(List<Object> batch) {
        for (Object o : batch) {
            if (o instanceof Tracked tr) {
                tr.$lz$oid(0);
            } else {
                arrays.unregister(o);
            }
        }
    }

    /** {@code owner} and {@code where} locate {@code v} for an error message (see {@link GraphCodec#path}). */
    private void discover(Object v, List<Object> batch, Object owner, Object where) {
        switch (ValueCodec.kindOf(v)) {
            case TRACKED: {
                Tracked tr = (Tracked) v;
                if (tr.$lz$oid() == 0) {
                    if ((v instanceof Map || v instanceof Collection) && ClassModel.of(v.getClass()).jdkCollection == null) {
                        // @Durable, but extends a collection with no tracked replacement: its content is not seen
                        untrackable(v, GraphCodec.path(owner, where));
                        break;
                    }
                    tr.$lz$oid(oids.incrementAndGet());
                    batch.add(v);
                }
                break;
            }
            case ARRAY:
                if (arrays.oidOf(v) == 0) {
                    arrays.register(v, oids.incrementAndGet());
                    batch.add(v);
                }
                break;
            case COMPOSITE:
                ValueCodec.forEachPart(v, p -> discover(p, batch, owner, where));
                break;
            case MUTABLE:
                if (where instanceof Field f && owner instanceof Tracked) {
                    // a field of an object being attached: its image holds the value; later mutations re-log it
                    mutables.register(v, owner, FieldTable.id(f.getDeclaringClass().getName(), f.getName(),
                            Kinds.descriptorOf(f.getType())));
                    ValueCodec.forEachPart(v, p -> discover(p, batch, v, "the value of an AtomicReference in"));
                } else {
                    untrackable(v, GraphCodec.path(owner, where));
                }
                break;
            case UNTRACKABLE:
                untrackable(v, GraphCodec.path(owner, where));
                break;
            default:
                break;
        }
    }

    // ------------------------------------------------------------------ errors

    private String fieldName(int fieldId) {
        if (fieldId <= 0) {
            return "a tracked value";
        }
        FieldTable.Entry e = FieldTable.entry(fieldId);
        return e.className() + "." + e.name();
    }

    private void untrackable(Object value, String path) {
        String type = value.getClass().getName();
        boolean collection = value instanceof Map || value instanceof Collection;
        boolean jdkCollection = collection && type.startsWith("java.");
        boolean mutableValue = MutableValues.isMutableValue(value.getClass());
        if (collection && !jdkCollection) {
            report(path + ":" + type, CollectionSubclassRefusal.message(path, value.getClass()));
            return;
        }
        String why = jdkCollection
                ? "it holds a " + type + " created outside a @Durable class, so changes made through it would be lost after a crash"
                : mutableValue
                ? "it holds a " + type + ", which Lazarus tracks only as the value of a field of a tracked object, not as a"
                        + " collection or array element or a root, so changes to it would be lost after a crash"
                : "it holds a " + type + ", which is mutable and not tracked, so changes to it would be lost after a crash";
        String fix;
        if (mutableValue) {
            fix = "hold it in a field of a @Durable class, or store an immutable value instead (a String for a StringBuilder,"
                    + " a long for an AtomicLong)";
        } else if (jdkCollection) {
            fix = "create the collection inside a @Durable class (new HashMap<>(), new ArrayList<>(other) there are tracked)";
        } else if (type.startsWith("java.") || type.startsWith("javax.")) {
            fix = "store an immutable value instead (a long for a LongAdder, a record, List.of(...)) in a field of a"
                    + " @Durable class, hold a supported mutable value (StringBuilder, BitSet, AtomicLong...), or make the"
                    + " field transient";
        } else {
            fix = "annotate " + type + " with @Durable, store an immutable value instead (a record, String, List.of(...)),"
                    + " or make the field transient";
        }
        // warned once per place and type: two kinds of state in one place are two problems
        report(path + ":" + type, "Lazarus cannot track " + path + ": " + why + ". Fix: " + fix + ".");
    }

    private void untrackableField(Field f) {
        report(f.getDeclaringClass().getName() + "." + f.getName(),
                "Lazarus cannot track " + f.getDeclaringClass().getName() + "." + f.getName()
                        + ": it is declared in a superclass that is not @Durable, so writes to it are not seen. Fix: annotate "
                        + f.getDeclaringClass().getName() + " with @Durable too, or make the field transient.");
    }

    private void report(String key, String message) {
        if (strict) {
            throw new UntrackableStateException(message + " (strict=false makes this a warning and logs the value as null)");
        }
        if (warned.add(key)) {
            LOG.log(System.Logger.Level.WARNING, message + " (strict=false: the value is logged as null)");
        }
    }

    // ------------------------------------------------------------------ dictionary for the codec

    @Override
    public int classId(Class<?> c) {
        return dictionary.classId(c);
    }

    @Override
    public long oidOf(Object trackedOrArray) {
        if (trackedOrArray instanceof Tracked t) {
            return t.$lz$oid();
        }
        return arrays.oidOf(trackedOrArray);
    }

    // ------------------------------------------------------------------ recovery and lifecycle

    /** Recovers (once) with the class loader of the first root's declaring class, then starts a new run. */
    private void ensureStarted(ClassLoader loader) {
        if (started) {
            return;
        }
        synchronized (rootLock) {
            if (started) {
                return;
            }
            Replayer replayer = new Replayer(log, loader, renames);
            replayer.progress(Progress.logging(LOG));
            Object event = JfrEvents.beginRecovery();
            replaying = true;
            try {
                report = replayer.recover(Snapshotter.list(snapshotDir), Snapshotter.logTruncated(snapshotDir));
            } finally {
                replaying = false;
            }
            JfrEvents.recovery(event, report);
            LOG.log(System.Logger.Level.INFO, report.line(rtoMs));
            replayer.objects().forEach((o, oid) -> {
                if (o instanceof Tracked tr) {
                    tr.$lz$oid(oid);
                } else {
                    arrays.register(o, oid);
                }
            });
            oids.set(replayer.maxOid());
            txs.set(replayer.maxTx());
            recoveredRoots = new LinkedHashMap<>(replayer.roots());
            RecordBuffer b = new RecordBuffer(32);
            b.putByte(RecordType.RUN_START);
            b.putVarLong(0);
            b.putLong(System.currentTimeMillis());
            log.append(b.array(), 0, b.length());
            attachConstructed(replayer.objects());
            snapshotter.start(loader, report);
            started = true;
            afterRecovery.run();
        }
    }

    /**
     * Objects that recovery did not take from the log but that constructors built (a field added
     * since the log was written, initialised to a new collection) are reachable but detached:
     * attach them now, or their changes would not be logged. Only fields of restored plain objects
     * can hold such objects (everything else came from the log), so one pass over those suffices.
     */
    private void attachConstructed(OidTable restored) {
        ThreadState t = threads.get();
        t.depth++;
        try {
            restored.forEach((o, oid) -> {
                if (o instanceof Tracked && !(o instanceof Map) && !(o instanceof Collection)) {
                    for (ClassModel.Slot s : ClassModel.of(o.getClass()).slots) {
                        if (!s.primitive()) {
                            Object v = GraphCodec.read(s.field(), o);
                            if (v != null && MutableValues.isMutableValue(v.getClass())) {
                                mutables.register(v, o, s.id());
                            }
                            if (needsAttach(v)) {
                                attach(t, v, s.id(), null);
                                // and the reference to it: replay would otherwise keep the constructor's own
                                dictionary.ensureField(s.id());
                                RecordBuffer b = header(t, RecordType.SET);
                                b.putVarLong(oid);
                                b.putVarInt(s.id());
                                ValueCodec.write(b, v, this);
                                log.append(b.array(), 0, b.length());
                            }
                        }
                    }
                }
            });
        } finally {
            end();
        }
    }

    /** Clean shutdown: marks the run as ended and forces the log. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        snapshotter.stop();
        if (started) {
            RecordBuffer b = new RecordBuffer(16);
            b.putByte(RecordType.END);
            b.putVarLong(0);
            try {
                log.append(b.array(), 0, b.length());
            } catch (LogWriteException e) {
                // already reported when writing stopped (a full disk); the next run recovers as after a crash
            }
        }
        log.close();
    }
}
