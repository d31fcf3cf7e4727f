package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Tracked;
import dev.lazarus.internal.record.FieldTable;
import dev.lazarus.internal.record.GraphCodec;
import dev.lazarus.internal.record.Kinds;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;
import dev.lazarus.internal.record.ValueCodec;
import dev.lazarus.internal.recovery.OidTable;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gives object ids. An object is <em>attached</em> when it becomes reachable from tracked state:
 * it and everything newly reachable through it get ids, then their records are written — first a
 * NEW record for each (so that references between them resolve), then their images. What cannot be
 * tracked on the way is refused ({@link UntrackablePolicy}) before any id is kept.
 *
 * <p>Tracked objects carry their id ({@link Tracked}); arrays are registered ({@link ArrayRegistry});
 * a mutable JDK value in a field is remembered with the field that holds it ({@link MutableRegistry}),
 * so that its mutations log that field again.
 */
final class Attacher {
    private final UntrackablePolicy untrackable;
    private final Unreachable unreachable;
    private final ArrayRegistry arrays = new ArrayRegistry();
    private final MutableRegistry mutables = new MutableRegistry();
    private final AtomicLong oids = new AtomicLong();

    Attacher(UntrackablePolicy untrackable, Unreachable unreachable) {
        this.untrackable = untrackable;
        this.unreachable = unreachable;
    }

    MutableRegistry mutables() {
        return mutables;
    }

    /** The id of an attached tracked object or array, or 0. */
    long oidOf(Object trackedOrArray) {
        if (trackedOrArray instanceof Tracked t) {
            return t.$lz$oid();
        }
        return arrays.oidOf(trackedOrArray);
    }

    /** After recovery: the recovered objects keep their ids, and new ids follow the highest. */
    void adopt(OidTable recovered, long maxOid) {
        recovered.forEach((o, oid) -> {
            if (o instanceof Tracked tr) {
                tr.$lz$oid(oid);
            } else {
                arrays.register(o, oid);
            }
        });
        oids.set(maxOid);
    }

    boolean anyNeedsAttach(Object[] values) {
        for (Object v : values) {
            if (needsAttach(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code v} holds an object that has no id yet, or one that a snapshot found unreachable
     * and may have left out ({@link Unreachable}): either must be logged before a reference to it.
     */
    boolean needsAttach(Object v) {
        switch (ValueCodec.kindOf(v)) {
            case TRACKED:
                return needsAttach(((Tracked) v).$lz$oid());
            case ARRAY:
                return needsAttach(arrays.oidOf(v));
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

    private boolean needsAttach(long oid) {
        return oid == 0 || unreachable.isMarked(oid);
    }

    /**
     * Attaches {@code value} and writes the records of what it attached to {@code sink}; with a null
     * {@code sink}, only checks: what would be refused is, and the ids given are taken back.
     * {@code where} names the place for messages; null for the field {@code fieldId}, the one place
     * where a mutable JDK value may be held.
     */
    void attach(Object value, int fieldId, String where, GraphCodec.Sink sink) {
        ValueCodec.Kind kind = ValueCodec.kindOf(value);
        if (kind == ValueCodec.Kind.NULL || kind == ValueCodec.Kind.VALUE) {
            return; // the common case: nothing to attach, nothing to check
        }
        if (kind == ValueCodec.Kind.MUTABLE) {
            if (where != null) {
                untrackable.value(value, where); // only fields re-log a mutable value; not elements nor roots
            } else if (value instanceof AtomicReference<?> r) {
                attach(r.get(), 0, "the value of an AtomicReference in " + fieldName(fieldId), sink);
            }
            return;
        }
        String place = where != null ? where : fieldName(fieldId);
        if (!needsAttach(value)) {
            if (kind == ValueCodec.Kind.UNTRACKABLE || kind == ValueCodec.Kind.COMPOSITE) {
                discover(value, new Batch(), null, place); // only checks
            }
            return;
        }
        Batch batch = new Batch();
        try {
            discover(value, batch, null, place);
            for (int i = 0; i < batch.objects.size(); i++) {
                Object o = batch.objects.get(i);
                if (GraphCodec.hasImage(o) && !ClassModel.of(o.getClass()).untracked.isEmpty()) {
                    untrackable.inheritedField(ClassModel.of(o.getClass()).untracked.get(0));
                }
                GraphCodec.forEachChild(o, (child, owner, at) -> discover(child, batch, owner, at));
            }
        } catch (RuntimeException e) {
            forget(batch);
            throw e;
        }
        if (sink == null) {
            forget(batch);
            return;
        }
        GraphCodec.writeObjects(batch.objects, sink);
    }

    /** What one attach found: the objects to log, in the order found; those given an id; those linked back. */
    private static final class Batch {
        final List<Object> objects = new ArrayList<>();
        final List<Object> fresh = new ArrayList<>();
        final List<Object> linkedBack = new ArrayList<>(0);
    }

    /**
     * After recovery: objects that recovery did not take from the log but that constructors built (a
     * field added since the log was written, initialised to a new collection) are reachable but
     * detached. Attaches them, with a SET record for the reference to each (replay would otherwise
     * keep the constructor's own), or their changes would not be logged. Only fields of restored
     * plain objects can hold such objects (everything else came from the log), so one pass over
     * those suffices. Mutable JDK values in those fields are registered with their field.
     */
    void attachConstructed(OidTable restored, GraphCodec.Sink sink) {
        restored.forEach((o, oid) -> {
            if (o instanceof Tracked && !(o instanceof Map) && !(o instanceof Collection)) {
                for (ClassModel.Slot s : ClassModel.of(o.getClass()).slots) {
                    if (!s.primitive()) {
                        Object v = GraphCodec.read(s.field(), o);
                        if (v != null && MutableValues.isMutableValue(v.getClass())) {
                            mutables.register(v, o, s.id());
                        }
                        if (needsAttach(v)) {
                            attach(v, s.id(), null, sink);
                            sink.defineField(s.id());
                            RecordBuffer b = sink.begin(RecordType.SET);
                            b.putVarLong(oid);
                            b.putVarInt(s.id());
                            ValueCodec.write(b, v, sink);
                            sink.end();
                        }
                    }
                }
            }
        });
    }

    /** Takes back the ids a discovery gave, and the marks it cleared. */
    private void forget(Batch batch) {
        for (Object o : batch.linkedBack) {
            unreachable.mark(oidOf(o));
        }
        for (Object o : batch.fresh) {
            if (o instanceof Tracked tr) {
                tr.$lz$oid(0);
            } else {
                arrays.unregister(o);
            }
        }
    }

    /** {@code owner} and {@code where} locate {@code v} for an error message (see {@link GraphCodec#path}). */
    private void discover(Object v, Batch batch, Object owner, Object where) {
        switch (ValueCodec.kindOf(v)) {
            case TRACKED: {
                Tracked tr = (Tracked) v;
                long oid = tr.$lz$oid();
                if (oid == 0) {
                    if ((v instanceof Map || v instanceof Collection) && ClassModel.of(v.getClass()).jdkCollection == null) {
                        // @Durable, but extends a collection with no tracked replacement: its content is not seen
                        untrackable.value(v, GraphCodec.path(owner, where));
                        break;
                    }
                    tr.$lz$oid(oids.incrementAndGet());
                    batch.objects.add(v);
                    batch.fresh.add(v);
                } else {
                    linkBack(v, oid, batch);
                }
                break;
            }
            case ARRAY: {
                long oid = arrays.oidOf(v);
                if (oid == 0) {
                    arrays.register(v, oids.incrementAndGet());
                    batch.objects.add(v);
                    batch.fresh.add(v);
                } else {
                    linkBack(v, oid, batch);
                }
                break;
            }
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
                    untrackable.value(v, GraphCodec.path(owner, where));
                }
                break;
            case UNTRACKABLE:
                untrackable.value(v, GraphCodec.path(owner, where));
                break;
            default:
                break;
        }
    }

    /** An object with an id that a snapshot marked unreachable is logged again, under the same id. */
    private void linkBack(Object v, long oid, Batch batch) {
        if (unreachable.unmark(oid)) {
            batch.objects.add(v);
            batch.linkedBack.add(v);
        }
    }

    private static String fieldName(int fieldId) {
        if (fieldId <= 0) {
            return "a tracked value";
        }
        FieldTable.Entry e = FieldTable.entry(fieldId);
        return e.className() + "." + e.name();
    }
}
