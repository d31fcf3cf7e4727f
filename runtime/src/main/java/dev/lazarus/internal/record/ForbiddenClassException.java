package dev.lazarus.internal.record;

/**
 * The recorded state names a class that recovery may not create: not a tracked ({@code @Durable})
 * class and not one of the value types Lazarus writes. A tampered or foreign file: recovery stops
 * before any code of that class runs (it is loaded without being initialised, and checked before
 * anything is instantiated), rather than let a file choose what code runs.
 */
public final class ForbiddenClassException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String className;

    ForbiddenClassException(String className, String message) {
        super(message);
        this.className = className;
    }

    /** The class the file named. */
    public String className() {
        return className;
    }

    /** The same refusal, with where the class was named (a snapshot file, a log file and index). */
    public ForbiddenClassException in(String where) {
        ForbiddenClassException e = new ForbiddenClassException(className, getMessage() + "; named in " + where);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
