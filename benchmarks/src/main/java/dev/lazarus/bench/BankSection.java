package dev.lazarus.bench;

import dev.lazarus.bench.bank.BankBenchmark;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** §2: the bank workload in Lazarus and in each peer, without forcing and forcing per commit. */
final class BankSection {
    static final String TITLE = "2. Durable bank transfers: Lazarus against its peers";

    /** tool, durability, label, settings, transactional. */
    record Config(String tool, String durability, String label, String settings, boolean peer, boolean transactional) {
        String key() {
            return "bank." + tool + "." + durability;
        }
    }

    static final List<Config> CONFIGS = List.of(
            new Config("lazarus", "none", "**Lazarus** `@Atomic` transfer", "`sync=none`", false, true),
            new Config("prevayler", "none", "Prevayler 2.6", "`configureJournalDiskSync(false)`", true, true),
            new Config("eclipsestore", "none", "EclipseStore 2.1.0", "`storeAll(a, b)`", true, true),
            new Config("mvstore", "none", "H2 MVStore 2.3.232", "`commit()` per transfer", true, true),
            new Config("sqlite", "none", "SQLite 3.51 (xerial), WAL", "`synchronous=NORMAL`", true, true),
            new Config("chroniclemap", "none", "Chronicle Map 2026.1, persisted", "`createPersistedTo(file)`", true, false),
            new Config("naive", "none", "naive: Java serialization appended to a file", "`flush()` per transfer", true, true),
            new Config("floor", "none", "*floor: 32-byte `FileChannel.write`*", "no forcing", false, false),
            new Config("chronicle", "none", "*floor of Lazarus's design: 32-byte raw Chronicle append*", "no forcing", false, false),
            new Config("lazarus", "interval", "**Lazarus** `@Atomic` transfer", "`sync=interval` (default, 1 s)", false, true),
            new Config("lazarus", "force", "**Lazarus** `@Atomic` transfer", "`sync=always`", false, true),
            new Config("prevayler", "force", "Prevayler 2.6", "`configureJournalDiskSync(true)`", true, true),
            new Config("mvstore", "force", "H2 MVStore 2.3.232", "`commit()` + `sync()` per transfer", true, true),
            new Config("sqlite", "force", "SQLite 3.51 (xerial), WAL", "`synchronous=FULL`", true, true),
            new Config("naive", "force", "naive: Java serialization appended to a file", "`flush()` + `getFD().sync()`", true, true),
            new Config("floor", "force", "*floor: 32-byte write + `force(false)`*", "fdatasync per transfer", false, false),
            new Config("chronicle", "force", "*floor of Lazarus's design: raw Chronicle append + `fsync`*", "fsync of the mmap'd cycle file", false, false));

    /** The quick subset: Lazarus and the fastest peers, both durabilities. */
    static final List<String> QUICK = List.of("lazarus/none", "lazarus/force", "prevayler/none", "prevayler/force",
            "sqlite/none", "sqlite/force", "chroniclemap/none", "floor/force", "chronicle/force");

    private BankSection() {
    }

    static void run(Ctx ctx, Results res) {
        int accounts = ctx.quick ? 100_000 : 1_000_000;
        int rounds = ctx.quick ? 1 : 2;
        List<String> failed = new ArrayList<>();
        java.util.Map<Config, List<RunResult>> all = new java.util.LinkedHashMap<>();
        // rounds: every configuration once per round, so that a burst of load on the shared machine does not
        // fall on one tool only
        for (int round = 0; round < rounds; round++) {
            for (Config c : CONFIGS) {
                Set<String> only = ctx.parts("bank");
                if (only.isEmpty() ? ctx.quick && !QUICK.contains(c.tool + "/" + c.durability)
                        : !only.contains(c.tool + "/" + c.durability)) {
                    continue;
                }
                if (failed.stream().anyMatch(f -> f.startsWith(c.tool + "/" + c.durability + ":"))) {
                    continue;
                }
                Jmh.Spec s = new Jmh.Spec("bank-" + c.tool + "-" + c.durability + "-r" + (round + 1), BankBenchmark.class)
                        .param("tool", c.tool).param("durability", c.durability)
                        .param("accounts", String.valueOf(accounts)).jvm("-Xms3g", "-Xmx3g");
                if (c.tool.equals("lazarus")) {
                    s.agent("sync=" + (c.durability.equals("force") ? "always" : c.durability));
                }
                if (ctx.quick) {
                    s.iterations(1, 500, 2, 500);
                } else {
                    s.iterations(1, 1000, 3, 1000);
                }
                try {
                    all.computeIfAbsent(c, k -> new ArrayList<>()).addAll(Jmh.run(ctx, s));
                } catch (RuntimeException e) {
                    failed.add(c.tool + "/" + c.durability + ": " + e.getMessage());
                    res.problems.add("bank " + c.tool + "/" + c.durability + " failed: " + e.getMessage());
                    ctx.progress("  FAILED " + c.tool + "/" + c.durability + ": " + e.getMessage());
                }
            }
        }
        all.forEach((c, r) -> {
            double[] m = Scores.sample(r);
            res.put(c.key() + ".mean", m[0]);
            res.put(c.key() + ".p50", m[1]);
            res.put(c.key() + ".p99", m[2]);
            res.put(c.key() + ".tps", 1e9 / m[0]);
            res.csv("bank", c.tool + " " + c.durability + " throughput", 1e9 / m[0], "transfers/s", c.settings);
            res.csv("bank", c.tool + " " + c.durability + " p50", m[1] / 1e3, "µs", c.settings);
            res.csv("bank", c.tool + " " + c.durability + " p99", m[2] / 1e3, "µs", c.settings);
        });
        StringBuilder md = res.section(TITLE);
        md.append(String.format("%,d accounts, one random transfer (two accounts, refused if it would overdraw) per ", accounts))
                .append("operation, one thread, JMH sample mode (throughput = 1 / mean latency; p50/p99 of the sampled ")
                .append("transfers), ").append(rounds).append(rounds == 1 ? " round" : " rounds, every tool once per round, ")
                .append(rounds == 1 ? ". " : "figures averaged over the rounds. ").append("Each tool in its ")
                .append("most comparable setting, used as its documentation recommends; Lazarus with its default ")
                .append("snapshot settings (snapshots are built in the background during the measurement). The money ")
                .append("is checked after each run. The floor rows are not peers: the cost of the system call (and of ")
                .append("the `fdatasync`) alone on this disk; and the floor of Lazarus's own design, a raw Chronicle Queue ")
                .append("append (and an `fsync` of the memory-mapped cycle file), the queue first filled with as many records ")
                .append("as Lazarus logs while the accounts are opened.\n\n");
        table(md, res, "none", "Without forcing to disk (a transfer survives a crash of the process, not of the machine)");
        table(md, res, "interval", null);
        table(md, res, "force", "Forcing to disk per commit (a transfer survives a power loss once acknowledged)");
        md.append("\nNot measured, because the tool has no such mode: EclipseStore 2.1.0 forcing (its storage never calls ")
                .append("`force`; added later by eclipse-store/store#751), Chronicle Map forcing (no API to force an update). ")
                .append("Chronicle Map has no transactions: a crash between the two `put`s of a transfer creates or ")
                .append("destroys money; it is listed but excluded from \"best transactional peer\".\n");
        if (!failed.isEmpty()) {
            md.append("\n**Failed in this run:** ").append(String.join("; ", failed)).append("\n");
        }
    }

    private static void table(StringBuilder md, Results res, String durability, String heading) {
        if (heading != null) {
            md.append("\n**").append(heading).append("**\n\n");
            md.append("| tool | setting | transfers/s | p50 µs | p99 µs | Lazarus is × faster |\n|---|---|---:|---:|---:|---:|\n");
        }
        String lazKey = "bank.lazarus." + (durability.equals("interval") ? "none" : durability) + ".tps";
        double laz = res.get(lazKey);
        for (Config c : CONFIGS) {
            if (!c.durability.equals(durability)) {
                continue;
            }
            double tps = res.get(c.key() + ".tps");
            if (Double.isNaN(tps)) {
                continue;
            }
            md.append("| ").append(c.label).append(" | ").append(c.settings).append(" | ")
                    .append(Results.num(tps)).append(" | ").append(Results.num(res.get(c.key() + ".p50") / 1e3))
                    .append(" | ").append(Results.num(res.get(c.key() + ".p99") / 1e3)).append(" | ")
                    .append(c.tool.equals("lazarus") ? "" : Results.ratio(laz / tps)).append(" |\n");
        }
    }
}
