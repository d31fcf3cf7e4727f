package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.hook.Recovering;
import dev.lazarus.internal.hook.Tracked;
import dev.lazarus.internal.log.LogWriteException;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.record.GraphCodec;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;
import dev.lazarus.internal.record.ValueCodec;
import dev.lazarus.internal.recovery.RecoveryReport;
import dev.lazarus.internal.recovery.StartupRecovery;
import dev.lazarus.internal.snapshot.Snapshotter;

import java.lang.reflect.Array;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write path of Lazarus, the {@link Journal} the hooks report to: turns each report into a
 * redo-log record, has objects that become reachable attached first ({@link Attacher}, whose records
 * go out in the same transaction), groups the records of {@code @Atomic} calls into transactions,
 * and runs recovery ({@link StartupRecovery}) at the first root assignment. One job, one class: every
 * kind of change a hook reports is one short method here, which is why it is longer than the others.
 *
 * <p>Records are appended on the thread that made the change, right after the change reached
 * memory and under whatever lock the application holds, so log order follows memory order.
 */
public final class Engine implements Journal {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

    private final RedoLog log;
    private final EngineSettings settings;
    private final Dictionary dictionary;
    private final Attacher attacher;
    private final AtomicLong txs = new AtomicLong();
    private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);

    private final Object rootLock = new Object();
    private volatile boolean started;
    private Map<String, Object> recoveredRoots = Map.of();
    private final Set<String> claimedRoots = new HashSet<>();
    private final InstanceRoots instanceRoots = new InstanceRoots();
    private volatile RecoveryReport report;
    private volatile boolean closed;
    private volatile Runnable afterRecovery = () -> { };

    /**
     * Per-thread writer state: the record being encoded and the open transaction; and where the
     * records of objects being attached go (the same buffer, the same transaction).
     */
    private final class ThreadState implements GraphCodec.Sink {
        final RecordBuffer buf = new RecordBuffer(512);
        int depth;
        long tx;

        @Override
        public RecordBuffer begin(int type) {
            return header(this, type);
        }

        @Override
        public void end() {
            log.append(buf.array(), 0, buf.length());
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
            return attacher.oidOf(o);
        }
    }

    private final Snapshotter snapshotter;
    private final Unreachable unreachable = Unreachable.live();

    public Engine(RedoLog log, EngineSettings settings) {
        this.log = log;
        this.settings = settings;
        this.dictionary = new Dictionary(log);
        this.attacher = new Attacher(new UntrackablePolicy(settings.strict()), unreachable);
        this.snapshotter = new Snapshotter(log, settings.snapshotDir(), settings.snapshots(), settings.renames(),
                unreachable);
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
        return "Lazarus active: " + settings.description() + (r == null ? ", not recovered yet" : ", " + r.summary())
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
    public RecoveryReport recoveryReport() {
        return report;
    }

    public Snapshotter snapshotter() {
        return snapshotter;
    }

    /** For tests: the marks this engine and its snapshotter share. */
    Unreachable unreachable() {
        return unreachable;
    }

    public RedoLog log() {
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
        if (Recovering.onThisThread()) {
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
        if (Recovering.onThisThread()) {
            return;
        }
        dictionary.ensureField(field);
        ThreadState t = threads.get();
        boolean implicit = beginImplicit(t, value);
        try {
            attacher.attach(value, field, null, t);
            republishArray(t, value);
            RecordBuffer b = header(t, RecordType.SET);
            b.putVarLong(oid);
            b.putVarInt(field);
            ValueCodec.write(b, value, t);
            appendAndCommit(t);
        } finally {
            endImplicit(t, implicit);
        }
    }

    @Override
    public void setObjectOwned(Object owner, long oid, Object value, int field) {
        setObject(oid, value, field);
        if (value != null && MutableValues.isMutableValue(value.getClass())) {
            attacher.mutables().register(value, owner, field);
        }
    }

    /**
     * Logs the field that holds {@code value} again, with the value's whole new content, if an
     * attached object's field still holds it (the registry may be stale: the field overwritten since).
     */
    @Override
    public void valueMutated(Object value) {
        if (Recovering.onThisThread()) {
            return;
        }
        MutableRegistry.Holder h = attacher.mutables().holderOf(value);
        if (h == null) {
            return;
        }
        Object owner = h.owner().get();
        long oid = owner instanceof Tracked tr ? tr.$lz$oid() : 0;
        if (oid == 0 || GraphCodec.read(ClassModel.of(owner.getClass()).slot(h.field()).field(), owner) != value) {
            attacher.mutables().forget(value);
            return;
        }
        setObject(oid, value, h.field());
    }

    // ------------------------------------------------------------------ Journal: collections, arrays

    @Override
    public void collection(long oid, int op, int index, Object a, Object b) {
        if (Recovering.onThisThread()) {
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
        boolean needs = attacher.needsAttach(b) || (all == null ? attacher.needsAttach(a) : attacher.anyNeedsAttach(all));
        boolean implicit = needs && t.depth == 0;
        if (implicit) {
            t.depth = 1;
        }
        try {
            if (all == null) {
                attacher.attach(a, 0, "a collection element", t);
            } else {
                for (Object v : all) {
                    attacher.attach(v, 0, "a collection element", t);
                }
            }
            attacher.attach(b, 0, "a collection element", t);
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
        if (Recovering.onThisThread() || ValueCodec.isPlainValue(element)) {
            return;
        }
        attacher.attach(element, 0, "a collection element", null);
    }

    private void writeCollectionOp(ThreadState t, long oid, int op, int index, Object a, Object b) {
        RecordBuffer buf = header(t, RecordType.COLLECTION);
        GraphCodec.writeCollectionOp(buf, oid, op, index, a, b, t);
        appendAndCommit(t);
    }

    @Override
    public void arrayWritten(Object array, int from, int to) {
        if (Recovering.onThisThread() || from >= to) {
            return;
        }
        long oid = attacher.oidOf(array);
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
                    attacher.attach(objects[i], 0, "an element of a tracked array", t);
                }
            }
            RecordBuffer b = header(t, RecordType.ARRAY_SET);
            GraphCodec.writeArrayElements(b, oid, array, from, to, t);
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
            long arrayOid = attacher.oidOf(value);
            int length = Array.getLength(value);
            if (arrayOid != 0 && length > 0) {
                if (value instanceof Object[] objects) {
                    for (Object o : objects) {
                        attacher.attach(o, 0, "an element of a tracked array", t);
                    }
                }
                RecordBuffer b = header(t, RecordType.ARRAY_SET);
                GraphCodec.writeArrayElements(b, arrayOid, value, 0, length, t);
                log.append(b.array(), 0, b.length());
            }
        }
    }

    // ------------------------------------------------------------------ Journal: roots

    @Override
    public Object root(Object value, Class<?> owner, String field) {
        if (Recovering.onThisThread()) {
            return value;
        }
        ensureStarted(owner.getClassLoader());
        return assignRoot(RootNames.of(owner, field), value);
    }

    @Override
    public Object instanceRoot(Object instance, Object value, Class<?> owner, String field, String keyField) {
        if (Recovering.onThisThread()) {
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
            attacher.attach(value, 0, "root " + name, t);
            RecordBuffer b = header(t, RecordType.ROOT);
            b.putString(name);
            ValueCodec.write(b, value, t);
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
            log.commit(log.append(b.array(), 0, b.length()));
        }
    }

    /** An auto-commit change that attaches objects becomes a transaction of its own, attach included. */
    private boolean beginImplicit(ThreadState t, Object value) {
        if (t.depth == 0 && attacher.needsAttach(value)) {
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
        if (t.depth == 0) {
            log.commit(pos); // returns at once unless the log forces every commit
        }
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
            StartupRecovery.Recovered recovered = StartupRecovery.run(log, loader, settings);
            report = recovered.report();
            attacher.adopt(recovered.objects(), recovered.maxOid());
            txs.set(recovered.maxTx());
            recoveredRoots = new LinkedHashMap<>(recovered.roots());
            RecordBuffer b = new RecordBuffer(32);
            b.putByte(RecordType.RUN_START);
            b.putVarLong(0);
            b.putLong(System.currentTimeMillis());
            log.append(b.array(), 0, b.length());
            ThreadState t = threads.get();
            t.depth++; // one transaction: the objects constructors built, and the references to them
            try {
                attacher.attachConstructed(recovered.objects(), t);
            } finally {
                end();
            }
            snapshotter.start(loader, report);
            started = true;
            afterRecovery.run();
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
