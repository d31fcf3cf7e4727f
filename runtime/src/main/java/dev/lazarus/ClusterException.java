package dev.lazarus;

/**
 * An operation on a {@code @Distributed} map could not be completed by enough members of the
 * cluster in time: a put that fewer than {@code replicas} members acknowledged, or a read that no
 * owner of the key answered. A put that fails may still have been stored by some members.
 */
public class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }
}
