package dev.lazarus.agent.cli;

import dev.lazarus.internal.recovery.Progress;

import java.io.PrintStream;

/**
 * Shows a long operation's progress on standard error (standard output stays the command's
 * result): on a terminal a bar redrawn in place, otherwise (a pipe, a CI log) a plain line every
 * second.
 */
final class ProgressDisplay implements Progress.Listener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;

    private ProgressDisplay(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A progress for the current output: a bar on a terminal, lines otherwise. */
    static Progress start(PrintStream out) {
        boolean terminal = System.console() != null;
        ProgressDisplay d = new ProgressDisplay(out, terminal);
        return terminal ? new Progress(d, 300, 200) : new Progress(d, 1_000, 1_000);
    }

    @Override
    public void report(Progress p) {
        if (terminal) {
            int filled = (int) (p.fraction() * WIDTH);
            String line = "\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + p.line();
            out.print(line + "\u001b[K"); // clear what a longer line left
        } else {
            out.println("progress: " + p.line());
        }
        out.flush();
    }

    @Override
    public void finished(Progress p) {
        if (terminal) {
            out.print("\r[" + "#".repeat(WIDTH) + "] 100% done in " + p.elapsedMillis() + " ms\u001b[K\n");
        } else {
            out.println("progress: 100%, done in " + p.elapsedMillis() + " ms");
        }
        out.flush();
    }
}
