package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A journal that keeps the collection records it is sent, in order, from any thread. */
final class RecordingJournal implements Journal {
    record Op(long oid, int op, int index, Object a, Object b) {
    }

    private final List<Op> ops = new ArrayList<>();
    private final boolean jitter;

    RecordingJournal() {
        this(false);
    }

    /** With jitter, a record sometimes waits before it is appended, to widen any race. */
    RecordingJournal(boolean jitter) {
        this.jitter = jitter;
    }

    synchronized List<Op> ops() {
        return new ArrayList<>(ops);
    }

    synchronized void clear() {
        ops.clear();
    }

    @Override
    public void collection(long oid, int op, int index, Object a, Object b) {
        if (jitter && ThreadLocalRandom.current().nextInt(8) == 0) {
            Thread.yield();
        }
        Op record = new Op(oid, op, index, a instanceof Object[] arr ? arr.clone() : a, b);
        synchronized (this) {
            ops.add(record);
        }
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public void awaitDurable() {
    }

    @Override
    public String status() {
        return "recording";
    }

    @Override
    public void checkpoint() {
    }

    @Override
    public void setInt(long oid, int value, int field) {
    }

    @Override
    public void setLong(long oid, long value, int field) {
    }

    @Override
    public void setObject(long oid, Object value, int field) {
    }

    @Override
    public void setObjectOwned(Object owner, long oid, Object value, int field) {
    }

    @Override
    public void valueMutated(Object value) {
    }

    @Override
    public void arrayWritten(Object array, int from, int to) {
    }

    @Override
    public Object root(Object value, Class<?> owner, String field) {
        return value;
    }

    @Override
    public void begin() {
    }

    @Override
    public void end() {
    }
}
