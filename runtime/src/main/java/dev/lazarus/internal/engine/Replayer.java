package dev.lazarus.internal.engine;

import dev.lazarus.internal.collection.CollectionReplay;
import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.hook.Recovering;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.log.RecordConsumer;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the object graph from the redo log in two passes: the first finds which transactions
 * committed (and the highest ids in use), the second applies, in log order, every auto-commit
 * record and every record of a committed transaction. Records of transactions that never
 * committed (the run crashed inside an {@code @Atomic} call) are rolled back by not applying them.
 */
final class Replayer implements ValueCodec.Reading {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

    private final RedoLog log;
    private final ClassLoader loader;
    private final OidTable objects = new OidTable();
    private final Map<String, Object> roots = new LinkedHashMap<>();
    private final Map<Integer, String> classNames = new HashMap<>();
    private final Map<Integer, Class<?>> classes = new HashMap<>();
    /** Field definitions in force, by number: read for every field a record sets, so an array, not a map. */
    private LoggedField[] fields = new LoggedField[64];
    /** Sorted collections whose comparator only the owner's constructor can recreate, by object. */
    private final Map<Object, Long> adoptable = new IdentityHashMap<>();
    private final Set<Long> missing = new HashSet<>();
    private final RecordBuffer in = new RecordBuffer(0);
    private long maxOid;
    private long maxTx;
    private Progress progress = Progress.NONE;
    /** The progress plan: log records to read, and the weight of loading the snapshot. */
    private long records;
    private double loadWeight;

    /** A field as the log names it, and the field it is now (null when it was removed). */
    private record LoggedField(String className, String name, String descriptor, Field field, boolean primitive,
                               boolean incompatible) {
        /** The checks that do not depend on the value are made once per definition, not per record. */
        static LoggedField of(String className, String name, String descriptor, Field field) {
            boolean primitive = Kinds.isPrimitive(descriptor);
            String now = field == null ? descriptor : Kinds.descriptorOf(field.getType());
            boolean incompatible = !now.equals(descriptor) && (primitive || Kinds.isPrimitive(now));
            return new LoggedField(className, name, descriptor, field, primitive, incompatible);
        }

        IncompatibleSchemaException typeChanged() {
            return new IncompatibleSchemaException("field " + className + "." + name + " was logged as "
                    + Kinds.javaName(descriptor) + " and is " + Kinds.javaName(Kinds.descriptorOf(field.getType()))
                    + " now: an incompatible type change. Fix: keep the old type, or rename the field (the old values"
                    + " are then ignored)");
        }
    }

    private final Renames renames;

    Replayer(RedoLog log, ClassLoader loader, Renames renames) {
        this.log = log;
        this.loader = loader;
        this.renames = renames;
    }

    /** Where the reading reports how far it got (recovery's progress lines, the operator's tools). */
    void progress(Progress p) {
        this.progress = p;
    }

    OidTable objects() {
        return objects;
    }

    Map<String, Object> roots() {
        return roots;
    }

    long maxOid() {
        return maxOid;
    }

    long maxTx() {
        return maxTx;
    }

    /** What a scan of a stretch of the log found. */
    record Scan(BitSet committed, long records, long rolledBack, long safepoint, boolean cleanEnd, boolean tornTail,
                long rollbackNanos) {
    }

    /**
     * Recovery: the newest snapshot that loads (falling back to older ones), then the log after it.
     * {@code snapshots} may be empty (no snapshot yet: the log is read from its start).
     */
    RecoveryReport recover(List<Path> snapshots, boolean logTruncated) {
        long t0 = System.nanoTime();
        planProgress(snapshots);
        SnapshotFile.Trailer loaded = loadNewestUsable(snapshots, logTruncated);
        long snapshotPosition = loaded == null ? RedoLog.NO_POSITION : loaded.position();
        String missing = loaded == null ? null : log.missingRecord(snapshotPosition);
        if (missing != null) // pruning always keeps the snapshot's record: its files were deleted or replaced
            throw new IllegalStateException("Recovery refused: the newest usable snapshot in " + snapshots.get(0).getParent()
                    + " covers the log up to index 0x" + Long.toHexString(snapshotPosition) + ", but " + missing
                    + ": log files were deleted or replaced after that snapshot was taken. Recovering from the snapshot"
                    + " alone would lose every change logged after it without a word. Restore the log directory from a"
                    + " backup taken together with the snapshots.");
        long snapshotObjects = loaded == null ? 0 : loaded.objects();
        long tLoaded = System.nanoTime();
        Scan scan = scan(snapshotPosition, Long.MAX_VALUE, true);
        long tScanned = System.nanoTime();
        long applied = apply(snapshotPosition, Long.MAX_VALUE, scan.committed(), true);
        warnUnadopted();
        progress.finish();
        long tApplied = System.nanoTime();
        // T_detect: the scan to the end of the log, less the time spent resolving the transactions
        // a dead run left open, which is T_rollback; T_redo: snapshot load and replay
        return new RecoveryReport(objects.size(), scan.records(), applied, scan.rolledBack(), scan.cleanEnd(),
                scan.tornTail(), snapshotPosition, snapshotObjects, ms(tLoaded - t0),
                ms(tScanned - tLoaded - scan.rollbackNanos()), ms(scan.rollbackNanos()), ms(tApplied - tScanned) + ms(tLoaded - t0),
                RecoveryReport.estimate(snapshotObjects, scan.records(), RecoveryReport.LOAD_NANOS_PER_OBJECT,
                        RecoveryReport.REPLAY_NANOS_PER_RECORD));
    }

    /**
     * Loads the newest of {@code snapshots} (newest first) that loads, falling back to older ones
     * with a warning; null when there is none (the log is then read from its start). Used by
     * recovery, by the background snapshot builder and by the offline compaction alike.
     *
     * @param logTruncated whether older log files were deleted: then no usable snapshot is fatal
     */
    SnapshotFile.Trailer loadNewestUsable(List<Path> snapshots, boolean logTruncated) {
        for (Path file : snapshots) {
            try {
                return loadSnapshot(file);
            } catch (IncompatibleSchemaException e) {
                throw e; // an older snapshot would meet the same change
            } catch (ForbiddenClassException e) {
                throw e.in("snapshot " + file); // tampered: not a reason to trust an older file instead
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "snapshot " + file + " cannot be used (" + e.getMessage()
                        + "); falling back to the one before it");
                reset();
            }
        }
        if (logTruncated) {
            throw new IllegalStateException("no usable snapshot in " + (snapshots.isEmpty() ? "the data directory"
                    : snapshots.get(0).getParent()) + ", and the redo log no longer starts at the beginning (its older"
                    + " files were deleted once snapshots covered them): the state cannot be rebuilt. Restore a"
                    + " snapshot file from a backup.");
        }
        return null;
    }

    /**
     * Weighs the phases of a recovery from the newest snapshot by the recovery-time model: its
     * objects to load, the log records after it to read and to apply (a third and two thirds of
     * a record's time, as measured).
     */
    void planProgress(List<Path> snapshots) {
        long objects = 0;
        try {
            long after = RedoLog.NO_POSITION;
            if (!snapshots.isEmpty()) {
                SnapshotFile.Trailer t = SnapshotFile.trailer(snapshots.get(0));
                objects = t.objects();
                after = t.position();
            }
            records = log.countAfter(after);
        } catch (RuntimeException e) {
            // a damaged snapshot or log: recovery itself says so; the progress only loses precision
        }
        progress.plan(objects * RecoveryReport.LOAD_NANOS_PER_OBJECT + records * RecoveryReport.REPLAY_NANOS_PER_RECORD);
        loadWeight = objects * RecoveryReport.LOAD_NANOS_PER_OBJECT;
    }


    /** Forgets everything rebuilt so far (a snapshot that failed halfway). */
    private void reset() {
        objects.clear();
        roots.clear();
        classNames.clear();
        classes.clear();
        java.util.Arrays.fill(fields, null);
        adoptable.clear();
        missing.clear();
        maxOid = 0;
        maxTx = 0;
    }

    /** Loads a snapshot file after checking it; the log position it covers is in the result. */
    SnapshotFile.Trailer loadSnapshot(Path file) {
        SnapshotFile.Trailer trailer = SnapshotFile.verify(file);
        progress.phase("loading the snapshot", "bytes", file.toFile().length(), loadWeight);
        Recovering.run(() -> SnapshotFile.read(file, (buf, off, len) -> {
            progress.tick(len + 1);
            in.reset(buf, off, len);
            int type = in.getByte();
            in.getVarLong();
            apply(type);
        }));
        maxOid = Math.max(maxOid, trailer.maxOid());
        maxTx = Math.max(maxTx, trailer.maxTx());
        return trailer;
    }

    /**
     * Pass 1 over the records after {@code after} up to {@code upTo}: which transactions committed,
     * the highest ids, and the last <em>safepoint</em> (a position after which no transaction is open).
     * {@code recovery} reads with the recovery replay (which also deals with a torn tail); otherwise
     * with the read-only one that may run while the application appends.
     */
    Scan scan(long after, long upTo, boolean recovery) {
        BitSet committed = new BitSet();
        Map<Long, Long> open = new HashMap<>(); // open transaction -> position of the record before its first
        long[] counts = {0, after, 0, after, 0}; // records, safepoint, rolled back, previous position, rollback nanos
        boolean[] clean = {false};
        progress.phase("reading the log", "records", records, records * RecoveryReport.REPLAY_NANOS_PER_RECORD / 3);
        RecordConsumer pass = (pos, bytes, off, len) -> {
            progress.tick(1);
            counts[0]++;
            in.reset(bytes, off, len);
            int type = in.getByte();
            long tx = in.getVarLong();
            clean[0] = type == RecordType.END;
            if (type == RecordType.RUN_START && !open.isEmpty()) {
                // the transactions still open belong to a run that died: they will never commit
                resolveCrashed(open, counts, committed);
            }
            if (tx != 0) {
                maxTx = Math.max(maxTx, tx);
                if (type == RecordType.COMMIT) {
                    committed.set(txIndex(tx));
                    open.remove(tx);
                } else {
                    open.putIfAbsent(tx, counts[3]);
                }
            }
            if (type == RecordType.NEW || type == RecordType.ARRAY_NEW) {
                maxOid = Math.max(maxOid, in.getVarLong());
            }
            if (open.isEmpty()) {
                counts[1] = pos;
            }
            counts[3] = pos;
        };
        boolean torn = false;
        if (recovery) {
            torn = (after == RedoLog.NO_POSITION ? log.replay(pass) : log.replayAfter(after, pass)).tornTail();
            if (!open.isEmpty()) { // the run that just died
                resolveCrashed(open, counts, committed);
            }
        } else {
            log.replayBetween(after, upTo, pass);
        }
        return new Scan(committed, counts[0], counts[2] + open.size(), counts[1], clean[0], torn, counts[4]);
    }

    /**
     * Rolls back or forward (see {@link CrashedTransactions}) the transactions a dead run left open,
     * which ended at {@code counts[3]}; adds to the rolled-back count and the time it took.
     */
    private void resolveCrashed(Map<Long, Long> open, long[] counts, BitSet committed) {
        long t0 = System.nanoTime();
        long from = Long.MAX_VALUE;
        for (long before : open.values()) {
            from = Math.min(from, before);
        }
        counts[2] += CrashedTransactions.resolve(log, from, counts[3], committed, new HashSet<>(open.keySet()));
        open.clear();
        counts[4] += System.nanoTime() - t0;
    }

    /** Pass 2: applies, in log order, auto-commit records and those of committed transactions. */
    long apply(long after, long upTo, BitSet committed, boolean recovery) {
        long[] applied = {0};
        progress.phase("replaying the log", "records", records, records * RecoveryReport.REPLAY_NANOS_PER_RECORD * 2 / 3);
        RecordConsumer pass = (pos, bytes, off, len) -> {
            progress.tick(1);
            in.reset(bytes, off, len);
            int type = in.getByte();
            long tx = in.getVarLong();
            if (tx == 0 || committed.get(txIndex(tx))) {
                try {
                    apply(type);
                } catch (IncompatibleSchemaException e) {
                    throw e;
                } catch (ForbiddenClassException e) {
                    throw e.in(log.where(pos));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("recovery failed at log record " + Long.toHexString(pos) + " ("
                            + RecordType.name(type) + "): " + e.getMessage(), e);
                }
                applied[0]++;
            }
        };
        Recovering.run(() -> {
            if (!recovery) {
                log.replayBetween(after, upTo, pass);
            } else if (after == RedoLog.NO_POSITION) {
                log.replay(pass);
            } else {
                log.replayAfter(after, pass);
            }
        });
        return applied[0];
    }

    private void warnUnadopted() {
        for (long oid : adoptable.values()) {
            LOG.log(System.Logger.Level.WARNING, "a sorted collection (object " + oid + ") had a comparator that"
                    + " Lazarus cannot recreate (a lambda?) and no constructor recreated it: it was restored with"
                    + " natural ordering. Fix: create it in the no-arg constructor of its owner, or use a Comparator"
                    + " class with a no-arg constructor.");
        }
    }

    /** The dictionary in force at the last record applied: a snapshot carries it for the log after it. */
    Map<Integer, String> classNames() {
        return classNames;
    }

    /** Field numbers in force, as {className, name, descriptor}. */
    Map<Integer, String[]> fieldNames() {
        Map<Integer, String[]> out = new LinkedHashMap<>();
        for (int id = 0; id < fields.length; id++) {
            LoggedField f = fields[id];
            if (f != null) {
                out.put(id, new String[] {f.className(), f.name(), f.descriptor()});
            }
        }
        return out;
    }

    /** A transaction id as an index of the committed-transactions bit set. */
    static int txIndex(long tx) {
        if (tx > Integer.MAX_VALUE) {
            throw new IllegalStateException("transaction id " + tx + " exceeds the recovery index");
        }
        return (int) tx;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private void apply(int type) {
        switch (type) {
            case RecordType.RUN_START:
                classNames.clear();
                classes.clear();
                java.util.Arrays.fill(fields, null);
                break;
            case RecordType.CLASS: {
                int id = in.getVarInt();
                classNames.put(id, in.getString());
                classes.remove(id);
                break;
            }
            case RecordType.FIELD: {
                int id = in.getVarInt();
                String cls = in.getString();
                String name = in.getString();
                String desc = in.getString();
                if (id >= fields.length) {
                    fields = java.util.Arrays.copyOf(fields, Math.max(fields.length * 2, id + 1));
                }
                fields[id] = LoggedField.of(cls, name, desc, currentField(cls, name));
                break;
            }
            case RecordType.NEW:
                applyNew();
                break;
            case RecordType.IMAGE: {
                Object o = object(in.getVarLong());
                int n = in.getVarInt();
                for (int i = 0; i < n; i++) {
                    setField(o, true);
                }
                break;
            }
            case RecordType.SET:
                setField(object(in.getVarLong()), false);
                break;
            case RecordType.COLLECTION: {
                Object c = object(in.getVarLong());
                int op = in.getVarInt();
                int index = (int) in.getZigZag();
                Object a = ValueCodec.read(in, this);
                Object b = ValueCodec.read(in, this);
                if (c != null && ClassModel.of(c.getClass()).collectionSubclass) {
                    ClassModel.of(c.getClass()).replayKeepingFields(c, () -> CollectionReplay.apply(c, op, index, a, b));
                } else if (c != null) {
                    CollectionReplay.apply(c, op, index, a, b);
                }
                break;
            }
            case RecordType.ARRAY_NEW: {
                long oid = in.getVarLong();
                Class<?> component = typeOf(in.getString());
                objects.put(oid, Array.newInstance(component, in.getVarInt()));
                break;
            }
            case RecordType.ARRAY_SET:
                applyArraySet();
                break;
            case RecordType.ROOT: {
                String name = in.getString();
                roots.put(name, ValueCodec.read(in, this));
                break;
            }
            case RecordType.COMMIT:
            case RecordType.END:
                break;
            default:
                throw new IllegalStateException("unknown record type " + type);
        }
    }

    private void applyNew() {
        long oid = in.getVarLong();
        Class<?> type = classFor(in.getVarInt());
        int kind = in.getByte();
        if (kind == GraphCodec.NEW_COLLECTION) {
            RecoveryClasses.checkCollection(type);
        } else if (kind == GraphCodec.NEW_COLLECTION_SUBCLASS) {
            RecoveryClasses.checkCollectionSubclass(type);
        } else {
            RecoveryClasses.checkTracked(type);
        }
        if (kind == GraphCodec.NEW_OBJECT) {
            objects.put(oid, ClassModel.of(type).instantiate());
            return;
        }
        boolean accessOrder = in.getByte() == 1;
        boolean[] adopt = {false};
        Comparator<?> comparator = ComparatorCodec.read(in, this, adopt);
        Object c = kind == GraphCodec.NEW_COLLECTION ? newCollection(type, accessOrder, comparator)
                : ClassModel.of(type).instantiateCollection(accessOrder, comparator);
        objects.put(oid, c);
        if (adopt[0]) {
            adoptable.put(c, oid);
        }
    }

    private Object newCollection(Class<?> jdkType, boolean accessOrder, Comparator<?> comparator) {
        Class<?> c = TrackedCollections.trackedClassFor(jdkType);
        if (c == null) {
            throw new IllegalStateException("no tracked replacement for " + jdkType.getName());
        }
        try {
            Constructor<?> ctor;
            if (accessOrder) {
                ctor = c.getConstructor(int.class, float.class, boolean.class);
                return ctor.newInstance(16, 0.75f, true);
            }
            if (comparator != null) {
                ctor = c.getConstructor(Comparator.class);
                return ctor.newInstance(comparator);
            }
            return c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + c.getName(), e);
        }
    }

    private void applyArraySet() {
        Object array = object(in.getVarLong());
        int from = in.getVarInt();
        int count = in.getVarInt();
        if (array == null) {
            // still consume nothing more: the record is skipped as a whole
            return;
        }
        Class<?> component = array.getClass().getComponentType();
        if (component.isPrimitive()) {
            String desc = Kinds.descriptorOf(component);
            for (int i = 0; i < count; i++) {
                Array.set(array, from + i, Kinds.box(desc, in.getZigZag()));
            }
        } else {
            Object[] objs = (Object[]) array;
            for (int i = 0; i < count; i++) {
                objs[from + i] = ValueCodec.read(in, this);
            }
        }
    }

    private void setField(Object owner, boolean image) {
        int id = in.getVarInt();
        LoggedField lf = id >= 0 && id < fields.length ? fields[id] : null;
        if (lf == null) {
            throw new IllegalStateException("field number " + id + " used before it was defined");
        }
        Field f = lf.field();
        if (lf.primitive()) {
            long bits = in.getZigZag();
            if (owner != null && f != null) {
                if (lf.incompatible()) {
                    throw lf.typeChanged();
                }
                setPrimitive(f, owner, lf.descriptor().charAt(0), bits);
            }
            return;
        }
        Object value = ValueCodec.read(in, this);
        if (owner == null || f == null) {
            return; // object not recovered (see warning) or field removed since: ignored
        }
        if (lf.incompatible()) {
            throw lf.typeChanged();
        }
        try {
            Long adopted = image && value != null && !adoptable.isEmpty() ? adoptable.remove(value) : null;
            if (adopted != null) {
                Object built = f.get(owner);
                if (built != null && built.getClass() == value.getClass()) {
                    // keep the collection the constructor built, with its comparator; the RESET that follows fills it
                    objects.put(adopted, built);
                    value = built;
                } else {
                    adoptable.put(value, adopted);
                }
            }
            if (value != null && !f.getType().isInstance(value)) {
                throw new IncompatibleSchemaException("field " + lf.className() + "." + lf.name() + " is "
                        + f.getType().getName() + " now but the log holds a " + value.getClass().getName()
                        + ": an incompatible type change. Fix: keep the old type, or rename the field");
            }
            f.set(owner, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + f, e);
        }
    }

    /** Sets a primitive field from its logged raw bits, without boxing. */
    private static void setPrimitive(Field f, Object owner, char kind, long bits) {
        try {
            switch (kind) {
                case 'I': f.setInt(owner, (int) bits); break;
                case 'J': f.setLong(owner, bits); break;
                case 'Z': f.setBoolean(owner, bits != 0); break;
                case 'B': f.setByte(owner, (byte) bits); break;
                case 'C': f.setChar(owner, (char) bits); break;
                case 'S': f.setShort(owner, (short) bits); break;
                case 'F': f.setFloat(owner, Float.intBitsToFloat((int) bits)); break;
                default: f.setDouble(owner, Double.longBitsToDouble(bits)); break;
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + f, e);
        }
    }

    private Field currentField(String className, String loggedName) {
        Class<?> c;
        try {
            c = load(className);
        } catch (IllegalStateException e) {
            return null;
        }
        String name = renames.fieldName(c.getName(), loggedName);
        try {
            Field f = c.getDeclaredField(name);
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || Modifier.isTransient(m) || ThirdParty.current().isExcluded(f)) {
                return null; // no longer part of the image: what the log holds for it is ignored
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private Object object(long oid) {
        Object o = objects.get(oid);
        if (o == null && missing.add(oid)) {
            LOG.log(System.Logger.Level.WARNING, "log record refers to object " + oid
                    + ", which no committed record created; its changes are skipped");
        }
        return o;
    }

    private Class<?> typeOf(String descriptor) {
        if (Kinds.isPrimitive(descriptor)) {
            switch (descriptor.charAt(0)) {
                case 'I': return int.class;
                case 'J': return long.class;
                case 'Z': return boolean.class;
                case 'B': return byte.class;
                case 'C': return char.class;
                case 'S': return short.class;
                case 'F': return float.class;
                case 'D': return double.class;
                default: throw new IllegalStateException("bad descriptor " + descriptor);
            }
        }
        return load(Kinds.javaName(descriptor));
    }

    private Class<?> load(String loggedName) {
        String name = renames.className(loggedName);
        for (ClassLoader l : new ClassLoader[] {loader, Thread.currentThread().getContextClassLoader(),
                ClassLoader.getSystemClassLoader()}) {
            try {
                return Class.forName(name, false, l);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        throw new IncompatibleSchemaException("class " + name + " named in the recorded state is not on the class path"
                + " (renamed or removed?). Fix: put it back, or map its new name with renames=" + name + ":new.Name");
    }

    @Override
    public Class<?> classFor(int id) {
        Class<?> c = classes.get(id);
        if (c == null) {
            String name = classNames.get(id);
            if (name == null) {
                throw new IllegalStateException("class number " + id + " used before it was defined");
            }
            c = load(name);
            classes.put(id, c);
        }
        return c;
    }

    @Override
    public Object objectFor(long oid) {
        return object(oid);
    }
}
