package dev.lazarus.agent;

/** A bad agent option: the message names it and says what is valid. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The option the message is about, or null. */
    private final String key;

    public ConfigException(String message) {
        this(null, message);
    }

    /** An error about the value of {@code key}: the message is completed with where that value was set. */
    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
