package dev.lazarus.agent.instrument;

/** The names that instrumented code refers to. */
final class Names {
    private Names() {
    }

    static final String HOOKS = "dev/lazarus/internal/hook/Hooks";
    static final String TRACKED = "dev/lazarus/internal/hook/Tracked";
    static final String OID = "$lz$oid";
    static final String SETTER_PREFIX = "$lz$w$";
    static final String BRIDGE_PREFIX = "$lz$arrays$";
    /** Bridges around calls that change their receiver or an array argument. */
    static final String CALL_PREFIX = "$lz$call$";

    static String setter(String field) {
        return SETTER_PREFIX + field;
    }
}
