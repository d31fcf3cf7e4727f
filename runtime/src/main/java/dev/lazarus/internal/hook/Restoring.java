package dev.lazarus.internal.hook;

/**
 * The first parameter type of the constructor the agent adds to an application's subclass of a JDK
 * collection, through which recovery creates it without running any application code. Never
 * instantiated: no constructor the application writes can have that descriptor.
 */
public final class Restoring {
    /** The descriptor of that constructor: the marker, the access order, the comparator. */
    public static final String CONSTRUCTOR = "(Ldev/lazarus/internal/hook/Restoring;ZLjava/util/Comparator;)V";

    private Restoring() {
    }
}
