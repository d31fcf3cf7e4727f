package dev.lazarus.agent.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The operator's command line, run by {@code java -jar lazarus-agent.jar COMMAND DIR [options]}.
 * Exit codes: {@value #OK} done (verify: no problem), {@value #PROBLEMS} verify found problems,
 * {@value #USAGE} usage error, {@value #IN_USE} the data directory is in use by a running
 * application (compact), {@value #FAILED} the command failed.
 */
public final class Cli {
    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;
    static final int IN_USE = 3;
    static final int FAILED = 4;

    static final String USAGE_TEXT = String.join("\n",
            "Usage: java -jar lazarus-agent.jar COMMAND DIR [options]",
            "",
            "DIR is the application's data directory (its dir= option). Commands:",
            "  status DIR     last snapshot, log size and records since it, estimated recovery time, lock holder",
            "                 (read-only: safe while the application runs)",
            "  dump DIR       the log's records, one a line: index, transaction, type, object, class.field, value",
            "                 --class NAME  --field NAME  --oid N  --tx N  --type TYPE  --from INDEX  --to INDEX",
            "                 --limit N     --snapshot (the newest snapshot's records instead of the log)",
            "  verify DIR     checks every record's CRC, the snapshots' checksums, dictionary references and",
            "                 transaction structure (read-only)",
            "  compact DIR --classpath CP [--renames SPEC] [--classes GLOBS --roots FIELDS --exclude FIELDS]",
            "                 offline: writes a snapshot of the state and deletes the log before it and older",
            "                 snapshots. CP is the application's class path (the state is rebuilt as real objects);",
            "                 refuses while the application runs",
            "",
            "Exit codes: 0 done (verify: no problem), 1 verify found problems, 2 usage error,",
            "            3 the directory is in use by a running application (compact), 4 the command failed");

    private Cli() {
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args) {
        // System.out flushes every line, and a dump has millions of them: one buffer, flushed at the end
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        try {
            return run(Arrays.asList(args), out, System.err);
        } finally {
            out.flush();
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            (args.isEmpty() ? err : out).println(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            switch (command) {
                case "status":
                    return StatusCommand.run(rest, out);
                case "dump":
                    return DumpCommand.run(rest, out);
                case "verify":
                    return VerifyCommand.run(rest, out, err);
                case "compact":
                    return CompactCommand.run(rest, out, err);
                default:
                    throw new UsageException("unknown command '" + command + "'. Valid: status, dump, verify, compact");
            }
        } catch (UsageException e) {
            err.println("lazarus: " + e.getMessage());
            err.println("Run java -jar lazarus-agent.jar --help for the commands and options.");
            return USAGE;
        } catch (RuntimeException e) {
            err.println("lazarus " + command + " failed: " + e.getMessage());
            return FAILED;
        }
    }
}
