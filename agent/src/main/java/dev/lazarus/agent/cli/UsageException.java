package dev.lazarus.agent.cli;

/** The command line is wrong: the message names the problem and the fix; the exit code is 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
