package dev.lazarus.internal.engine;

/**
 * Thrown (with {@code strict=true}, the default) when reachable state holds something Lazarus
 * cannot follow: its message names the class, the field and the fix.
 */
public final class UntrackableStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UntrackableStateException(String message) {
        super(message);
    }
}
