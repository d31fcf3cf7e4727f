package dev.lazarus.bench;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a restarted JVM's recovery line says, with the times its app measured: the app prints
 * {@code FIG recovered nanos=...} once its root is back. Read by the recovery and snapshot sections.
 */
record Recovery(String line, long objects, long snapshotObjects, long applied, long records, long rolledBack,
                long totalMs, long detectMs, long rollbackMs, long redoMs, long snapshotMs, long wallNanos,
                long inJvmNanos) {
    private static final Pattern LINE = Pattern.compile("Lazarus recovered (\\d+) objects from (?:a snapshot of (\\d+) objects and )?"
            + "(\\d+) of (\\d+) log records.*? in (\\d+) ms \\(T_detect (\\d+) ms, T_rollback (\\d+) ms, T_redo (\\d+) ms"
            + "(?: of which snapshot load (\\d+) ms)?");
    private static final Pattern ROLLED_BACK = Pattern.compile("(\\d+) transactions? rolled back");

    static Recovery of(Child c) {
        String line = line(c);
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("unexpected recovery line: " + line);
        }
        Matcher rb = ROLLED_BACK.matcher(line);
        Map<String, String> fig = c.await("recovered", 1);
        return new Recovery(line, Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), rb.find() ? Long.parseLong(rb.group(1)) : 0,
                Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)),
                Long.parseLong(m.group(8)), m.group(9) == null ? 0 : Long.parseLong(m.group(9)), c.nanosTo("recovered"),
                Long.parseLong(fig.get("nanos")));
    }

    /** The agent's recovery line in the child's output; fails if there is none. */
    static String line(Child c) {
        String line = c.line("Lazarus recovered");
        if (line == null) {
            throw new IllegalStateException("no recovery line in the restarted JVM's output");
        }
        return line;
    }

    /** Both passes over the log (T_detect, T_rollback and T_redo), without the snapshot load. */
    long logMs() {
        return detectMs + rollbackMs + redoMs - snapshotMs;
    }
}
