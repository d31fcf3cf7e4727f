package dev.lazarus.agent.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who holds a data directory, from the PID the agent writes into {@code lazarus.lock}, without
 * touching the lock itself (taking it, even shared and for a moment, could make the application
 * fail to start at that moment). The PID stays in the file after the holder ends, so the answer
 * is whether that process is alive.
 */
record LockHolder(long pid, boolean alive, String command) {
    /** Empty when the directory has no lock file or it names no process. */
    static Optional<LockHolder> of(Path dir) {
        Path file = dir.resolve("lazarus.lock");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> !zombie(h.pid()));
        String command = p.flatMap(h -> h.info().command()).orElse("");
        return Optional.of(new LockHolder(pid, p.isPresent(), command));
    }

    /** A process that ended but was not reaped yet (no init to reap it, in some containers) still has a PID. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (not Linux): ProcessHandle's answer stands
        }
    }

    String describe() {
        if (!alive) {
            return "not held: the last holder, process " + pid + ", is not running";
        }
        return "held by process " + pid + " (running" + (command.isEmpty() ? "" : ": " + command) + ")";
    }
}
