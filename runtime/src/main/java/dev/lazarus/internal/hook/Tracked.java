package dev.lazarus.internal.hook;

/**
 * Implemented by every tracked object: instrumented {@code @Durable} classes get it injected, the
 * tracked collections implement it by hand. The object id is 0 while the object is detached
 * (not reachable from a root); the engine sets it when the object is attached.
 */
public interface Tracked {
    String OID_FIELD = "$lz$oid";

    long $lz$oid();

    void $lz$oid(long oid);
}
