package dev.lazarus.agent;

import dev.lazarus.internal.hook.Journal;

import java.util.ArrayList;
import java.util.List;

/** Records every hook call as a line of text. */
final class RecordingJournal implements Journal {
    final List<String> calls = new ArrayList<>();
    Object rootReplacement;

    @Override public boolean active() { return true; }
    @Override public void awaitDurable() { }
    @Override public void checkpoint() { }
    @Override public String status() { return "test"; }
    @Override public void setInt(long oid, int value, int field) { calls.add("setInt " + oid + " " + value); }
    @Override public void setLong(long oid, long value, int field) { calls.add("setLong " + oid + " " + value); }
    @Override public void setObject(long oid, Object value, int field) { calls.add("setObject " + oid + " " + value); }
    @Override public void setObjectOwned(Object owner, long oid, Object value, int field) { calls.add("setObject " + oid + " " + value); }
    @Override public void valueMutated(Object value) { calls.add("mutated " + value); }
    @Override public void collection(long oid, int op, int index, Object a, Object b) { calls.add("collection " + oid + " " + op + " " + a + " " + b); }
    @Override public void arrayWritten(Object array, int from, int to) { calls.add("array " + from + " " + to); }

    @Override
    public Object root(Object value, Class<?> owner, String field) {
        calls.add("root " + owner.getSimpleName() + "." + field + " " + value);
        return rootReplacement != null && !(value instanceof Long) ? rootReplacement : value;
    }

    @Override
    public Object instanceRoot(Object instance, Object value, Class<?> owner, String field, String keyField) {
        calls.add("instanceRoot " + instance.getClass().getSimpleName() + "@" + System.identityHashCode(instance) + " "
                + owner.getSimpleName() + "." + field + " key=" + keyField + " " + value);
        return rootReplacement != null && !(value instanceof Long) ? rootReplacement : value;
    }

    @Override public void begin() { calls.add("begin"); }
    @Override public void end() { calls.add("end"); }
}
