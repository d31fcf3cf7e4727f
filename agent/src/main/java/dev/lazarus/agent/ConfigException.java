package dev.lazarus.agent;

/** A bad agent option: the message names it and says what is valid. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
