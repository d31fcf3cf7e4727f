package dev.lazarus.internal.record;

/**
 * The kinds of log record. Every record starts with its type byte and the transaction id
 * (0 = auto-commit). The numbers are on disk: never renumber, only add.
 *
 * <pre>
 * RUN_START  tx=0  epochMillis                      a new run; resets the class and field dictionaries
 * CLASS      tx=0  id name                          dictionary: class id to name
 * FIELD      tx=0  id className fieldName descriptor
 * NEW        tx    oid classId [collection config]  an object became reachable: create it
 * IMAGE      tx    oid count (fieldId value)*       its fields (after all NEWs of the same attach)
 * SET        tx    oid fieldId value                one field write
 * COLLECTION tx    oid op index a b                 one logical collection operation
 * ARRAY_NEW  tx    oid componentKind [classId] length
 * ARRAY_SET  tx    oid from count value*            elements [from, from + count)
 * ROOT       tx    name value                       a root field assigned
 * COMMIT     tx                                     end of an @Atomic transaction
 * END        tx=0                                   clean shutdown
 * </pre>
 */
public final class RecordType {
    private RecordType() {
    }

    public static final int RUN_START = 1;
    public static final int CLASS = 2;
    public static final int FIELD = 3;
    public static final int NEW = 4;
    public static final int IMAGE = 5;
    public static final int SET = 6;
    public static final int COLLECTION = 7;
    public static final int ARRAY_NEW = 8;
    public static final int ARRAY_SET = 9;
    public static final int ROOT = 10;
    public static final int COMMIT = 11;
    public static final int END = 12;

    public static String name(int type) {
        switch (type) {
            case RUN_START: return "RUN_START";
            case CLASS: return "CLASS";
            case FIELD: return "FIELD";
            case NEW: return "NEW";
            case IMAGE: return "IMAGE";
            case SET: return "SET";
            case COLLECTION: return "COLLECTION";
            case ARRAY_NEW: return "ARRAY_NEW";
            case ARRAY_SET: return "ARRAY_SET";
            case ROOT: return "ROOT";
            case COMMIT: return "COMMIT";
            case END: return "END";
            default: return "UNKNOWN(" + type + ")";
        }
    }
}
