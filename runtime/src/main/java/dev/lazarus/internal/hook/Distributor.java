package dev.lazarus.internal.hook;

/**
 * Decides what a {@code @Distributed} map field holds. The agent installs the real one in
 * {@link Hooks}; without the agent the field keeps the map the application assigned.
 */
public interface Distributor {
    /** A {@code @Distributed} field is assigned {@code value}: returns the map to store instead. */
    Object map(Object value, Class<?> owner, String field);

    Distributor OFF = (value, owner, field) -> value;
}
