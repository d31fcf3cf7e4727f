package dev.lazarus.internal.record;

import dev.lazarus.internal.engine.RootNames;
import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.snapshot.SnapshotFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes log and snapshot records into readable text for the operator's tools, without loading
 * any application class. It keeps the dictionary (class and field numbers) as the records define
 * it, and the class of every object it has seen created, so that later records can be named.
 *
 * <p>A log whose older files were deleted starts in the middle of a run: the numbers its first
 * records use were defined in deleted files. Until the reading reaches a run start, or the
 * position of a snapshot (which carries the dictionary in force there: {@link #seed}), such
 * numbers are shown as {@code class#N} / {@code field#N} and are not reported as problems.
 */
public final class RecordText {
    /**
     * One record. {@code oid} is 0 when the record names no object; {@code className} and
     * {@code field} may be null; {@code problem} is null unless the record is inconsistent.
     */
    public record Decoded(String type, long tx, long oid, String className, String field, String value, String problem) {
    }

    private static final String[] OPS = {"?", "put", "remove", "touch", "clear", "add", "remove", "add", "set", "remove",
            "addFirst", "addLast", "removeFirst", "removeLast", "removeFirstOccurrence", "removeLastOccurrence", "reset",
            "putFirst", "putLast", "addFirst", "addLast"};

    private final Map<Integer, String> classes = new HashMap<>();
    private final Map<Integer, String[]> fields = new HashMap<>();
    private final Map<Long, String> objectClasses = new HashMap<>();
    private final RecordBuffer in = new RecordBuffer(0);
    private boolean known;
    private String problem;

    /**
     * @param knownDictionary whether the reading starts where the dictionary is known (the start
     *                        of a log that was never truncated, or a snapshot file)
     */
    public RecordText(boolean knownDictionary) {
        this.known = knownDictionary;
    }

    /** Takes the dictionary and object classes in force at {@code snapshot}'s position from the file. */
    public void seed(Path snapshot) {
        RecordText s = new RecordText(true);
        SnapshotFile.read(snapshot, (buf, off, len) -> s.decode(buf, off, len));
        classes.clear();
        classes.putAll(s.classes);
        fields.clear();
        fields.putAll(s.fields);
        objectClasses.putAll(s.objectClasses);
        known = true;
    }

    /** Decodes every record of a snapshot file (check it first with {@link Snapshots#verify}). */
    public static void readSnapshot(Path file, Consumer<Decoded> out) {
        RecordText t = new RecordText(true);
        SnapshotFile.read(file, (buf, off, len) -> out.accept(t.decode(buf, off, len)));
    }

    /**
     * Decodes one record; updates the dictionary. A record that cannot be decoded at all comes
     * back with type {@code DAMAGED} and the reason as its problem.
     */
    public Decoded decode(byte[] buf, int off, int len) {
        in.reset(buf, off, len);
        problem = null;
        int type = -1;
        long tx = 0;
        try {
            type = in.getByte();
            tx = in.getVarLong();
            Decoded d = decode(type, tx);
            if (in.hasMore() && problem == null) {
                problem = "unexpected bytes after the " + RecordType.name(type) + " record";
            }
            return problem == null ? d : new Decoded(d.type(), d.tx(), d.oid(), d.className(), d.field(), d.value(), problem);
        } catch (UnknownField e) {
            return new Decoded(RecordType.name(type), tx, 0, null, null, "(" + e.getMessage() + ")", problem);
        } catch (RuntimeException e) {
            return new Decoded(type < 0 ? "DAMAGED" : RecordType.name(type), tx, 0, null, null, "",
                    "cannot decode: " + e.getMessage());
        }
    }

    private Decoded decode(int type, long tx) {
        switch (type) {
            case RecordType.RUN_START: {
                classes.clear();
                fields.clear();
                known = true;
                long millis = in.getLong();
                return of(type, tx, 0, null, null, millis == 0 ? "(the dictionary follows)" : Instant.ofEpochMilli(millis).toString());
            }
            case RecordType.CLASS: {
                int id = in.getVarInt();
                String name = in.getString();
                classes.put(id, name);
                return of(type, tx, 0, name, null, "class #" + id);
            }
            case RecordType.FIELD: {
                int id = in.getVarInt();
                String[] f = {in.getString(), in.getString(), in.getString()};
                fields.put(id, f);
                return of(type, tx, 0, f[0], f[1], "field #" + id + " " + Kinds.javaName(f[2]));
            }
            case RecordType.NEW: {
                long oid = in.getVarLong();
                String cls = className(in.getVarInt());
                objectClasses.put(oid, cls);
                int kind = in.getByte();
                if (kind != GraphCodec.NEW_OBJECT) {
                    boolean accessOrder = in.getByte() == 1;
                    String comparator = ComparatorCodec.text(in, this::className);
                    return of(type, tx, oid, cls, null, (kind == GraphCodec.NEW_COLLECTION ? "new collection"
                            : "new collection subclass") + (accessOrder ? ", access order" : "")
                            + (comparator.isEmpty() ? "" : ", comparator " + comparator));
                }
                return of(type, tx, oid, cls, null, "new");
            }
            case RecordType.IMAGE: {
                long oid = in.getVarLong();
                int n = in.getVarInt();
                StringBuilder value = new StringBuilder("{");
                StringBuilder names = new StringBuilder();
                String cls = objectClasses.get(oid);
                for (int i = 0; i < n; i++) {
                    String[] f = field(in.getVarInt());
                    cls = cls != null ? cls : f[0];
                    value.append(i == 0 ? "" : ", ").append(f[1]).append('=');
                    names.append(i == 0 ? "" : ",").append(f[1]);
                    value(f, value);
                }
                return of(type, tx, oid, cls, names.toString(), value.append('}').toString());
            }
            case RecordType.SET: {
                long oid = in.getVarLong();
                String[] f = field(in.getVarInt());
                StringBuilder value = new StringBuilder();
                value(f, value);
                return of(type, tx, oid, f[0], f[1], value.toString());
            }
            case RecordType.COLLECTION: {
                long oid = in.getVarLong();
                int op = in.getVarInt();
                long index = in.getZigZag();
                StringBuilder value = new StringBuilder(op > 0 && op < OPS.length ? OPS[op] : "op#" + op).append(' ');
                if (op == CollectionOp.LIST_ADD || op == CollectionOp.LIST_SET || op == CollectionOp.LIST_REMOVE) {
                    value.append('[').append(index).append("] ");
                }
                ValueCodec.text(in, this::className, value);
                int mark = value.length();
                boolean put = op == CollectionOp.MAP_PUT || op == CollectionOp.MAP_PUT_FIRST || op == CollectionOp.MAP_PUT_LAST;
                value.append(put ? " -> " : " ");
                int before = value.length();
                ValueCodec.text(in, this::className, value);
                if (!put && value.substring(before).equals("null")) {
                    value.setLength(mark); // the operation has no second operand
                }
                return of(type, tx, oid, objectClasses.get(oid), null, value.toString());
            }
            case RecordType.ARRAY_NEW: {
                long oid = in.getVarLong();
                String desc = in.getString();
                String cls = Kinds.javaName(desc) + "[]";
                objectClasses.put(oid, cls);
                return of(type, tx, oid, cls, null, "new [" + in.getVarInt() + "]");
            }
            case RecordType.ARRAY_SET: {
                long oid = in.getVarLong();
                int from = in.getVarInt();
                int count = in.getVarInt();
                String cls = objectClasses.get(oid);
                StringBuilder value = new StringBuilder("[").append(from).append("..").append(from + count).append(") = [");
                if (cls == null) {
                    in.reset(new byte[0], 0, 0); // element encoding unknown: skip them
                    return of(type, tx, oid, null, null, value.append(count).append(" elements of an array created before this log]").toString());
                }
                String component = cls.substring(0, cls.length() - 2);
                String desc = primitiveDescriptor(component);
                for (int i = 0; i < count; i++) {
                    value.append(i == 0 ? "" : ", ");
                    if (desc != null) {
                        value.append(Kinds.box(desc, in.getZigZag()));
                    } else {
                        ValueCodec.text(in, this::className, value);
                    }
                }
                return of(type, tx, oid, cls, null, value.append(']').toString());
            }
            case RecordType.ROOT: {
                String name = in.getString();
                StringBuilder value = new StringBuilder();
                ValueCodec.text(in, this::className, value);
                String[] parts = RootNames.split(name); // a keyed root's field reads field[key]
                return of(type, tx, 0, parts[0], parts[1], value.toString());
            }
            case RecordType.COMMIT:
            case RecordType.END:
                return of(type, tx, 0, null, null, "");
            default:
                throw new IllegalStateException("unknown record type " + type);
        }
    }

    private static Decoded of(int type, long tx, long oid, String cls, String field, String value) {
        return new Decoded(RecordType.name(type), tx, oid, cls, field, value, null);
    }

    private void value(String[] field, StringBuilder out) {
        if (Kinds.isPrimitive(field[2])) {
            out.append(Kinds.box(field[2], in.getZigZag()));
        } else {
            ValueCodec.text(in, this::className, out);
        }
    }

    private static String primitiveDescriptor(String javaName) {
        switch (javaName) {
            case "int": return "I";
            case "long": return "J";
            case "boolean": return "Z";
            case "byte": return "B";
            case "char": return "C";
            case "short": return "S";
            case "float": return "F";
            case "double": return "D";
            default: return null;
        }
    }

    private String className(int id) {
        String name = classes.get(id);
        if (name == null) {
            undefined("class number " + id);
            return "class#" + id;
        }
        return name;
    }

    /** {className, name, descriptor}; the descriptor of an unknown field is unknown too, so decoding stops. */
    private String[] field(int id) {
        String[] f = fields.get(id);
        if (f == null) {
            undefined("field number " + id);
            throw new UnknownField("uses field #" + id + (known ? ", which is not defined" : ", defined in log files deleted since"));
        }
        return f;
    }

    private void undefined(String what) {
        if (known && problem == null) {
            problem = what + " used but not defined in this run";
        }
    }

    /** A field number without definition: the rest of the record cannot be read. */
    private static final class UnknownField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownField(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether the numbers in force are known (see the class comment). */
    public boolean dictionaryKnown() {
        return known;
    }
}
