package dev.lazarus.internal.engine;

import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.record.FieldTable;
import dev.lazarus.internal.record.RecordBuffer;
import dev.lazarus.internal.record.RecordType;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writer's half of the per-run dictionary: the first use of a class or a field in a run
 * appends its CLASS or FIELD record, and only then publishes its number, so a record that uses a
 * number always follows the record that defines it.
 */
final class Dictionary {
    private final RedoLog log;
    private final RecordBuffer buf = new RecordBuffer(256);
    private final ConcurrentHashMap<Class<?>, Integer> classIds = new ConcurrentHashMap<>();
    private volatile boolean[] fieldsDefined = new boolean[1024];

    Dictionary(RedoLog log) {
        this.log = log;
    }

    int classId(Class<?> c) {
        Integer id = classIds.get(c);
        return id != null ? id : defineClass(c);
    }

    private synchronized int defineClass(Class<?> c) {
        Integer id = classIds.get(c);
        if (id == null) {
            id = classIds.size() + 1;
            buf.clear();
            buf.putByte(RecordType.CLASS);
            buf.putVarLong(0);
            buf.putVarInt(id);
            buf.putString(c.getName());
            log.append(buf.array(), 0, buf.length());
            classIds.put(c, id);
        }
        return id;
    }

    void ensureField(int id) {
        boolean[] defined = fieldsDefined;
        if (id >= defined.length || !defined[id]) {
            defineField(id);
        }
    }

    private synchronized void defineField(int id) {
        boolean[] defined = fieldsDefined;
        if (id < defined.length && defined[id]) {
            return;
        }
        FieldTable.Entry e = FieldTable.entry(id);
        buf.clear();
        buf.putByte(RecordType.FIELD);
        buf.putVarLong(0);
        buf.putVarInt(id);
        buf.putString(e.className());
        buf.putString(e.name());
        buf.putString(e.descriptor());
        log.append(buf.array(), 0, buf.length());
        if (id >= defined.length) {
            defined = Arrays.copyOf(defined, Math.max(defined.length * 2, id + 1));
        }
        defined[id] = true;
        fieldsDefined = defined;
    }
}
