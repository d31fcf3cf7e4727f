package dev.lazarus.agent.cli;

import dev.lazarus.internal.log.LogReader;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.record.RecordText;
import dev.lazarus.internal.snapshot.Snapshots;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dump DIR}: the log's records in readable form, one a line, filtered; read-only. With
 * {@code --snapshot}, the newest snapshot's records (the state it holds) instead.
 */
final class DumpCommand {

    /** Ends the reading early (--to, --limit). */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private final Args args;
    private final PrintStream out;
    private final String className;
    private final String field;
    private final String type;
    private final long oid;
    private final long tx;
    private final long from;
    private final long to;
    private final long limit;
    private long printed;

    private DumpCommand(Args args, PrintStream out) {
        this.args = args;
        this.out = out;
        this.className = args.get("class");
        this.field = args.get("field");
        this.type = args.get("type") == null ? null : args.get("type").toUpperCase(Locale.ROOT);
        this.oid = args.number("oid", -1);
        this.tx = args.number("tx", -1);
        this.from = args.number("from", Long.MIN_VALUE);
        this.to = args.number("to", Long.MAX_VALUE);
        this.limit = args.number("limit", Long.MAX_VALUE);
        if (limit <= 0) {
            throw new UsageException("--limit must be at least 1");
        }
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse("dump", argv, Set.of("class", "field", "oid", "tx", "type", "from", "to", "limit"),
                Set.of("snapshot"));
        DumpCommand dump = new DumpCommand(args, out);
        return args.flag("snapshot") ? dump.snapshot() : dump.log();
    }

    private int snapshot() {
        List<Path> snapshots = Snapshots.list(args.snapshots());
        if (snapshots.isEmpty()) {
            throw new UsageException("there is no snapshot in " + args.snapshots() + ": dump the log (without --snapshot)");
        }
        Path file = snapshots.get(0);
        Snapshots.Info info = Snapshots.verify(file);
        out.printf("# %s: the state at log index 0x%x, %,d objects%n", file.getFileName(), info.position(), info.objects());
        header();
        long[] n = {0};
        try {
            RecordText.readSnapshot(file, d -> print("#" + ++n[0], d));
        } catch (Stop e) {
            // --limit reached
        }
        return Cli.OK;
    }

    private int log() {
        SnapshotSeeds seeds = new SnapshotSeeds(args.snapshots());
        RecordText text = new RecordText(false);
        header();
        try (LogReader log = LogReader.open(args.log())) {
            log.read(RedoLog.NO_POSITION, new LogReader.Visitor() {
                @Override
                public void record(long index, byte[] buf, int off, int len) {
                    if (index > to) {
                        throw new Stop();
                    }
                    RecordText.Decoded d = text.decode(buf, off, len);
                    if (index >= from) {
                        print("0x" + Long.toHexString(index), d);
                    }
                    seeds.after(index, text);
                }

                @Override
                public void damaged(long index, File file, String why) {
                    if (index >= from && index <= to && (type == null || type.equals("DAMAGED"))) {
                        line("0x" + Long.toHexString(index), "-", "DAMAGED", "-", "-", why + " in " + file);
                    }
                }
            });
        } catch (Stop e) {
            // --to or --limit reached
        }
        return Cli.OK;
    }

    private void header() {
        line("INDEX", "TX", "TYPE", "OBJECT", "CLASS.FIELD", "VALUE");
    }

    private void print(String index, RecordText.Decoded d) {
        if (!matches(d)) {
            return;
        }
        String where = d.className() == null ? "-" : d.className();
        if (d.field() != null && !d.type().equals("IMAGE")) {
            where += "." + d.field();
        }
        line(index, Long.toString(d.tx()), d.type(), d.oid() == 0 ? "-" : "@" + d.oid(), where,
                d.value() + (d.problem() == null ? "" : "   <- " + d.problem()));
        if (++printed >= limit) {
            throw new Stop();
        }
    }

    /** One line in columns (String.format costs more than decoding the record). */
    private void line(String index, String tx, String type, String object, String where, String value) {
        StringBuilder b = new StringBuilder(128);
        pad(b, index, 18, false).append(' ');
        pad(b, tx, 6, true).append("  ");
        pad(b, type, 10, false).append(' ');
        pad(b, object, 8, true).append("  ").append(where).append("  ").append(value);
        out.println(b);
    }

    private static StringBuilder pad(StringBuilder b, String s, int width, boolean right) {
        if (right) {
            b.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
        } else {
            b.append(s).append(" ".repeat(Math.max(0, width - s.length())));
        }
        return b;
    }

    private boolean matches(RecordText.Decoded d) {
        if (type != null && !d.type().equals(type)) {
            return false;
        }
        if (oid >= 0 && d.oid() != oid) {
            return false;
        }
        if (tx >= 0 && d.tx() != tx) {
            return false;
        }
        if (className != null && (d.className() == null || !(d.className().equals(className)
                || d.className().endsWith("." + className) || d.className().endsWith("$" + className)))) {
            return false;
        }
        if (field == null || d.field() == null) {
            return field == null;
        }
        // a keyed root's field is field[key]: --field names it with or without the key
        return List.of(d.field().split(",")).contains(field) || d.type().equals("ROOT") && d.field().startsWith(field + "[");
    }
}
