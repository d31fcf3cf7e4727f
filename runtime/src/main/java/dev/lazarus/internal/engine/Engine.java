package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.hook.Tracked;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.log.SyncMode;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
    private final AtomicLong oids = new AtomicLong();
    private final AtomicLong txs = new AtomicLong();
    private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private final Object rootLock = new Object();
    private volatile boolean started;
    private Map<String, Object> recoveredRoots = Map.of();
    private final Set<String> claimedRoots = new HashSet<>();
    private volatile RecoveryReport report;
    private volatile boolean closed;

    /** Per-thread writer state: the record being encoded and the open transaction. */
    private static final class ThreadState {
        final RecordBuffer buf = new RecordBuffer(512);
        int depth;
        long tx;
    }

    public Engine(RedoLog log, SyncMode sync, boolean strict, String description) {
        this.log = log;
        this.sync = sync;
        this.strict = strict;
        this.description = description;
        this.dictionary = new Dictionary(log);
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
        return "Lazarus active: " + description + (r == null ? ", not recovered yet" : ", " + r.summary());
    }

    public RecoveryReport recoveryReport() {
        return report;
    }

    // ------------------------------------------------------------------ Journal: field writes

    @Override
    public void setInt(long oid, int field, int value) {
        setPrimitive(oid, field, value);
    }

    @Override
    public void setLong(long oid, int field, long value) {
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
    public void setObject(long oid, int field, Object value) {
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

    // ------------------------------------------------------------------ Journal: collections, arrays

    @Override
    public void collection(long oid, int op, int index, Object a, Object b) {
        if (replaying) {
            return;
        }
        ThreadState t = threads.get();
        // a RESET carries the whole content as an Object[]: its elements are the values, not the array
        Object[] values = op == CollectionOp.RESET && a instanceof Object[] all ? all : new Object[] {a};
        boolean needs = needsAttach(b);
        for (int i = 0; i < values.length && !needs; i++) {
            needs = needsAttach(values[i]);
        }
        boolean implicit = needs && t.depth == 0;
        if (implicit) {
            t.depth = 1;
        }
        try {
            for (Object v : values) {
                attach(t, v, 0, "a collection element");
            }
            attach(t, b, 0, "a collection element");
            RecordBuffer buf = header(t, RecordType.COLLECTION);
            writeCollectionOp(buf, oid, op, index, a, b);
            appendAndCommit(t);
        } finally {
            endImplicit(t, implicit);
        }
    }

    private void writeCollectionOp(RecordBuffer buf, long oid, int op, int index, Object a, Object b) {
        buf.putVarLong(oid);
        buf.putVarInt(op);
        buf.putZigZag(index);
        if (a instanceof Object[] all && op == CollectionOp.RESET) {
            ValueCodec.writeObjects(buf, all, this);
        } else {
            ValueCodec.write(buf, a, this);
        }
        ValueCodec.write(buf, b, this);
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
            writeArrayElements(b, oid, array, from, to);
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
                writeArrayElements(b, arrayOid, value, 0, length);
                log.append(b.array(), 0, b.length());
            }
        }
    }

    private void writeArrayElements(RecordBuffer b, long oid, Object array, int from, int to) {
        b.putVarLong(oid);
        b.putVarInt(from);
        b.putVarInt(to - from);
        if (array instanceof Object[] objects) {
            for (int i = from; i < to; i++) {
                ValueCodec.write(b, objects[i], this);
            }
        } else {
            for (int i = from; i < to; i++) {
                b.putZigZag(Kinds.rawBits(Array.get(array, i)));
            }
        }
    }

    // ------------------------------------------------------------------ Journal: roots

    @Override
    public Object root(Object value, Class<?> owner, String field) {
        if (replaying) {
            return value;
        }
        ensureStarted(owner.getClassLoader());
        String name = owner.getName() + "." + field;
        synchronized (rootLock) {
            if (claimedRoots.add(name) && recoveredRoots.containsKey(name)) {
                // the first assignment in a run with recovered state: the field gets the recovered object
                return recoveredRoots.get(name);
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

    private boolean needsAttach(Object v) {
        switch (ValueCodec.kindOf(v)) {
            case TRACKED:
                return ((Tracked) v).$lz$oid() == 0;
            case ARRAY:
                return arrays.oidOf(v) == 0;
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
        if (!needsAttach(value)) {
            ValueCodec.Kind kind = ValueCodec.kindOf(value);
            if (kind == ValueCodec.Kind.UNTRACKABLE || kind == ValueCodec.Kind.COMPOSITE) {
                discover(value, new ArrayList<>(), where != null ? where : fieldName(fieldId)); // only checks
            }
            return;
        }
        List<Object> batch = new ArrayList<>();
        try {
            discover(value, batch, where != null ? where : fieldName(fieldId));
            for (int i = 0; i < batch.size(); i++) {
                Object o = batch.get(i);
                forEachChild(o, (child, path) -> discover(child, batch, path));
            }
        } catch (RuntimeException e) {
            for (Object o : batch) {
                if (o instanceof Tracked tr) {
                    tr.$lz$oid(0);
                } else {
                    arrays.unregister(o);
                }
            }
            throw e;
        }
        for (Object o : batch) {
            writeNew(t, o);
        }
        for (Object o : batch) {
            if (o instanceof Tracked && !(o instanceof Map) && !(o instanceof Collection)) {
                writeImage(t, o);
            }
        }
        for (Object o : batch) {
            if (o instanceof Map || o instanceof Collection) {
                RecordBuffer b = header(t, RecordType.COLLECTION);
                writeCollectionOp(b, ((Tracked) o).$lz$oid(), CollectionOp.RESET, 0, contents(o), null);
                log.append(b.array(), 0, b.length());
            } else if (o.getClass().isArray()) {
                RecordBuffer b = header(t, RecordType.ARRAY_SET);
                writeArrayElements(b, arrays.oidOf(o), o, 0, Array.getLength(o));
                log.append(b.array(), 0, b.length());
            }
        }
    }

    private interface ChildVisitor {
        void visit(Object child, String path);
    }

    private void discover(Object v, List<Object> batch, String path) {
        switch (ValueCodec.kindOf(v)) {
            case TRACKED: {
                Tracked tr = (Tracked) v;
                if (tr.$lz$oid() == 0) {
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
                ValueCodec.forEachPart(v, p -> discover(p, batch, path));
                break;
            case UNTRACKABLE:
                untrackable(v, path);
                break;
            default:
                break;
        }
    }

    private void forEachChild(Object o, ChildVisitor visitor) {
        String owner = o.getClass().getSimpleName();
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                visitor.visit(e.getKey(), "a key of a " + owner);
                visitor.visit(e.getValue(), "a value of a " + owner);
            }
        } else if (o instanceof Collection<?> c) {
            for (Object e : c) {
                visitor.visit(e, "an element of a " + owner);
            }
        } else if (o instanceof Object[] array) {
            for (Object e : array) {
                visitor.visit(e, "an element of a " + o.getClass().getComponentType().getSimpleName() + "[]");
            }
        } else if (o instanceof Tracked) {
            ClassModel model = ClassModel.of(o.getClass());
            if (!model.untracked.isEmpty()) {
                Field f = model.untracked.get(0);
                untrackableField(f);
            }
            for (ClassModel.Slot s : model.slots) {
                if (!s.primitive()) {
                    visitor.visit(read(s.field(), o), s.field().getDeclaringClass().getName() + "." + s.field().getName());
                }
            }
        }
    }

    private static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    private void writeNew(ThreadState t, Object o) {
        if (o.getClass().isArray()) {
            RecordBuffer b = header(t, RecordType.ARRAY_NEW);
            b.putVarLong(arrays.oidOf(o));
            b.putString(Kinds.descriptorOf(o.getClass().getComponentType()));
            b.putVarInt(Array.getLength(o));
            log.append(b.array(), 0, b.length());
            return;
        }
        boolean collection = o instanceof Map || o instanceof Collection;
        // a tracked collection is named by the JDK class it extends: that name outlives our internals
        int classId = classId(collection ? o.getClass().getSuperclass() : o.getClass());
        RecordBuffer b = header(t, RecordType.NEW);
        b.putVarLong(((Tracked) o).$lz$oid());
        b.putVarInt(classId);
        b.putByte(collection ? 1 : 0);
        if (collection) {
            b.putByte(CollectionConfig.accessOrder(o) ? 1 : 0);
            ComparatorCodec.write(b, comparatorOf(o), this);
        }
        log.append(b.array(), 0, b.length());
    }

    private static java.util.Comparator<?> comparatorOf(Object o) {
        if (o instanceof SortedMap<?, ?> m) {
            return m.comparator();
        }
        if (o instanceof SortedSet<?> s) {
            return s.comparator();
        }
        return null;
    }

    private void writeImage(ThreadState t, Object o) {
        ClassModel model = ClassModel.of(o.getClass());
        for (ClassModel.Slot s : model.slots) {
            dictionary.ensureField(s.id());
        }
        RecordBuffer b = header(t, RecordType.IMAGE);
        b.putVarLong(((Tracked) o).$lz$oid());
        b.putVarInt(model.slots.size());
        for (ClassModel.Slot s : model.slots) {
            b.putVarInt(s.id());
            Object v = read(s.field(), o);
            if (s.primitive()) {
                b.putZigZag(Kinds.rawBits(v));
            } else {
                ValueCodec.write(b, v, this);
            }
        }
        log.append(b.array(), 0, b.length());
    }

    private static Object[] contents(Object o) {
        if (o instanceof Map<?, ?> m) {
            Object[] out = new Object[m.size() * 2];
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out[i++] = e.getKey();
                out[i++] = e.getValue();
            }
            return i == out.length ? out : java.util.Arrays.copyOf(out, i);
        }
        return ((Collection<?>) o).toArray();
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
        boolean jdkCollection = (value instanceof Map || value instanceof Collection) && type.startsWith("java.");
        String why = jdkCollection
                ? "it holds a " + type + " created outside a @Durable class, so changes made through it would be lost after a crash"
                : "it holds a " + type + ", which is mutable and not tracked, so changes to it would be lost after a crash";
        String fix;
        if (jdkCollection) {
            fix = "create the collection inside a @Durable class (new HashMap<>(), new ArrayList<>(other) there are tracked)";
        } else if (type.startsWith("java.") || type.startsWith("javax.")) {
            fix = "store an immutable value instead (a String for a StringBuilder, a long for an AtomicLong, a record,"
                    + " List.of(...)) in a field of a @Durable class, or make the field transient";
        } else {
            fix = "annotate " + type + " with @Durable, store an immutable value instead (a record, String, List.of(...)),"
                    + " or make the field transient";
        }
        report(path, "Lazarus cannot track " + path + ": " + why + ". Fix: " + fix + ".");
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
            Replayer replayer = new Replayer(log, loader);
            replaying = true;
            try {
                report = replayer.run();
            } finally {
                replaying = false;
            }
            LOG.log(System.Logger.Level.INFO, report.line());
            Map<String, Object> roots = new LinkedHashMap<>(replayer.roots());
            for (Map.Entry<Long, Object> e : replayer.objects().entrySet()) {
                Object o = e.getValue();
                if (o instanceof Tracked tr) {
                    tr.$lz$oid(e.getKey());
                } else {
                    arrays.register(o, e.getKey());
                }
            }
            oids.set(replayer.maxOid());
            txs.set(replayer.maxTx());
            recoveredRoots = roots;
            RecordBuffer b = new RecordBuffer(32);
            b.putByte(RecordType.RUN_START);
            b.putVarLong(0);
            b.putLong(System.currentTimeMillis());
            log.append(b.array(), 0, b.length());
            started = true;
        }
    }

    /** Clean shutdown: marks the run as ended and forces the log. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            RecordBuffer b = new RecordBuffer(16);
            b.putByte(RecordType.END);
            b.putVarLong(0);
            log.append(b.array(), 0, b.length());
        }
        log.close();
    }

    static Map<Long, Object> newRegistry() {
        return new HashMap<>();
    }
}
