package dev.lazarus.agent.cli;

import dev.lazarus.internal.log.LogReader;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.record.RecordText;
import dev.lazarus.internal.recovery.Progress;
import dev.lazarus.internal.snapshot.Snapshots;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code verify DIR}: a full, read-only check of what recovery would read. Problems are what
 * would make recovery fail or lose data: a damaged snapshot, a damaged record followed by valid
 * ones, a deleted newest log file, an undefined class or field number, a broken transaction structure, a snapshot whose
 * position the log no longer holds. A torn tail (what a crash leaves, dropped by recovery) and
 * transactions left open by a crash (rolled back) are reported but are not problems.
 */
final class VerifyCommand {
    private final List<String> problems = new ArrayList<>();
    private final PrintStream out;

    private VerifyCommand(PrintStream out) {
        this.out = out;
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = Args.parse("verify", argv, Set.of(), Set.of());
        VerifyCommand v = new VerifyCommand(out);
        out.println("Verifying " + args.dir);
        long newest = v.snapshots(args.snapshots());
        v.log(args, newest, ProgressDisplay.start(err));
        if (v.problems.isEmpty()) {
            out.println("Result: no problems (exit 0)");
            return Cli.OK;
        }
        out.println("Result: " + v.problems.size() + " problem" + (v.problems.size() == 1 ? "" : "s") + " (exit 1):");
        v.problems.forEach(p -> out.println("  PROBLEM " + p));
        return Cli.PROBLEMS;
    }

    /** Checks every snapshot file; returns the position of the newest good one, or NO_POSITION. */
    private long snapshots(Path dir) {
        long newest = RedoLog.NO_POSITION;
        List<Path> files = Snapshots.list(dir);
        for (Path file : files) {
            Snapshots.Info info;
            try {
                info = Snapshots.verify(file);
            } catch (RuntimeException e) {
                problem(e.getMessage() + (newest == RedoLog.NO_POSITION ? "" : " (recovery falls back to a newer one)"));
                continue;
            }
            int[] bad = {0};
            RecordText.readSnapshot(file, d -> {
                if (d.problem() != null && bad[0]++ == 0) {
                    problem("snapshot " + file.getFileName() + ": a " + d.type() + " record: " + d.problem());
                }
            });
            out.printf("  snapshot %s: checksum ok, %,d objects at log index 0x%x%s%n", file.getFileName(), info.objects(),
                    info.position(), bad[0] == 0 ? ", records ok" : ", " + bad[0] + " bad records");
            if (newest == RedoLog.NO_POSITION) {
                newest = info.position();
            }
        }
        if (files.isEmpty()) {
            out.println("  snapshots: none");
        }
        if (newest == RedoLog.NO_POSITION && Snapshots.logTruncated(dir)) {
            problem("no usable snapshot, and log files were deleted once snapshots covered them: recovery cannot rebuild"
                    + " the state. Restore a snapshot file from a backup");
        }
        return newest;
    }

    private void log(Args args, long snapshotPosition, Progress progress) {
        try (LogReader log = LogReader.open(args.log())) {
            long first = log.firstIndex();
            long last = log.lastIndex();
            long total = log.countAfter(RedoLog.NO_POSITION);
            String missing = log.missingNewest();
            if (missing != null) {
                problem("the redo log is incomplete: " + missing + ". Recovery refuses to start; restore the file from"
                        + " a backup, or start with onCorruption=truncate to accept the loss");
            }
            progress.plan(total);
            progress.phase("reading the log", "records", total, total);
            if (snapshotPosition != RedoLog.NO_POSITION && first == RedoLog.NO_POSITION) {
                problem(String.format("the newest usable snapshot covers the log up to index 0x%x, but the log holds no"
                        + " record: its files were deleted; recovery refuses to start", snapshotPosition));
            } else if (snapshotPosition != RedoLog.NO_POSITION && (snapshotPosition < first || snapshotPosition > last)) {
                problem(String.format("the newest usable snapshot covers the log up to index 0x%x, but the log holds"
                        + " 0x%x to 0x%x: recovery cannot continue from it", snapshotPosition, first, last));
            }
            LogCheck check = new LogCheck(log, new SnapshotSeeds(args.snapshots()), progress);
            log.read(RedoLog.NO_POSITION, check);
            progress.finish();
            check.finish();
        }
    }

    private void problem(String p) {
        problems.add(p);
    }

    /** The checks of the log's records, in one pass. */
    private final class LogCheck implements LogReader.Visitor {
        private final LogReader log;
        private final SnapshotSeeds seeds;
        private final Progress progress;
        private final RecordText text = new RecordText(false);
        private final BitSet committed = new BitSet();
        private final Set<Long> open = new HashSet<>();
        private final List<String> bad = new ArrayList<>(); // damaged records not yet known to be a tail
        private long firstBad = RedoLog.NO_POSITION;
        private long records;
        private long damaged;
        private long voided;
        private long rolledBack;
        private long commits;
        private long undecodable;

        LogCheck(LogReader log, SnapshotSeeds seeds, Progress progress) {
            this.log = log;
            this.seeds = seeds;
            this.progress = progress;
        }

        @Override
        public void damaged(long index, File file, String why) {
            progress.tick(1);
            damaged++;
            if (bad.isEmpty()) {
                firstBad = index;
            }
            bad.add(why + " in the record at index " + log.describe(index) + " in " + file);
        }

        @Override
        public void voided(long from, long to) {
            if (!bad.isEmpty() && from <= firstBad) {
                voided += bad.size(); // an earlier recovery already dropped them as a torn tail
                bad.clear();
            }
        }

        @Override
        public void record(long index, byte[] buf, int off, int len) {
            progress.tick(1);
            records++;
            if (!bad.isEmpty()) {
                problem(bad.get(0) + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : "")
                        + ", followed by a valid record at index " + log.describe(index)
                        + ": corruption in the middle of the log, recovery stops there");
                bad.clear();
            }
            boolean structureKnown = text.dictionaryKnown();
            RecordText.Decoded d = text.decode(buf, off, len);
            if (d.problem() != null) {
                if (undecodable++ < 20) {
                    problem("record at index " + log.describe(index) + " (" + d.type() + "): " + d.problem());
                }
            }
            transaction(index, d, structureKnown || d.type().equals("RUN_START"));
            seeds.after(index, text);
        }

        private void transaction(long index, RecordText.Decoded d, boolean known) {
            String type = d.type();
            long tx = d.tx();
            if (type.equals("RUN_START")) {
                rolledBack += open.size(); // the run before crashed inside these
                open.clear();
            }
            if (tx == 0) {
                if (type.equals("COMMIT")) {
                    problem("record at index " + log.describe(index) + ": a COMMIT without a transaction id");
                }
                return;
            }
            if (type.equals("RUN_START") || type.equals("CLASS") || type.equals("FIELD") || type.equals("END")) {
                problem("record at index " + log.describe(index) + ": a " + type + " record inside transaction " + tx);
                return;
            }
            if (tx > Integer.MAX_VALUE) {
                problem("record at index " + log.describe(index) + ": transaction id " + tx + " is out of range");
                return;
            }
            if (committed.get((int) tx)) {
                problem("record at index " + log.describe(index) + ": a " + type + " record of transaction " + tx
                        + " after its COMMIT");
                return;
            }
            if (type.equals("COMMIT")) {
                if (!open.remove(tx) && known) {
                    problem("record at index " + log.describe(index) + ": COMMIT of transaction " + tx
                            + ", which has no records");
                }
                committed.set((int) tx);
                commits++;
            } else {
                open.add(tx);
            }
        }

        void finish() {
            if (!bad.isEmpty()) {
                out.println("  log: ends with " + bad.size() + " damaged record(s) from " + bad.get(0)
                        + ": a torn tail, which recovery drops (what a crash or power loss leaves)");
            }
            out.printf("  log: %,d records, %,d with a CRC that holds%s%n", records + damaged, records,
                    voided > 0 ? String.format(", %,d damaged ones already dropped as a torn tail by a recovery", voided) : "");
            out.printf("  transactions: %,d committed, %,d left open by crashes (rolled back at recovery)%s%n", commits,
                    rolledBack + open.size(), open.isEmpty() ? "" : ", " + open.size() + " of them at the end of the log");
            if (undecodable > 20) {
                problem((undecodable - 20) + " more records that cannot be decoded");
            }
        }
    }
}
