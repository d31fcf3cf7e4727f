package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.Journal;
import java.util.ArrayList;
import java.util.List;

/** A journal that keeps the collection records it is sent, in order, from any thread. */
final class RecordingJournal implements Journal {
    record Op(long oid, int op, int index, Object a, Object b) {
    }

    private final List<Op> ops = new ArrayList<>();

    synchronized List<Op> ops() {
        return new ArrayList<>(ops);
    }

    synchronized void clear() {
        ops.clear();
    }

    @Override
    public synchronized void collection(long oid, int op, int index, Object a, Object b) {
        ops.add(new Op(oid, op, index, a instanceof Object[] arr ? arr.clone() : a, b));
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
    public void setInt(long oid, int field, int value) {
    }

    @Override
    public void setLong(long oid, int field, long value) {
    }

    @Override
    public void setObject(long oid, int field, Object value) {
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
