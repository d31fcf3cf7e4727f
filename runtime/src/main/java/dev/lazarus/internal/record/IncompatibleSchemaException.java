package dev.lazarus.internal.record;

/**
 * The classes changed in a way the recorded state cannot follow (a field's type changed
 * incompatibly, a class is gone): recovery stops with a message that names the class and field,
 * rather than load the state with a value silently dropped. Not a damaged file: falling back to
 * an older snapshot would meet the same change.
 */
public final class IncompatibleSchemaException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IncompatibleSchemaException(String message) {
        super(message);
    }

    public IncompatibleSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
