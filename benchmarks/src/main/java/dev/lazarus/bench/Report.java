package dev.lazarus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes {@code results/<report>.md} (tables, goals, machine) and {@code results/<report>.csv} ({@link Ctx#report}). */
final class Report {
    private Report() {
    }

    static void write(Ctx ctx, Results res, List<String> args, double minutes) {
        String png = ctx.result(".png").getFileName().toString();
        String csvName = ctx.result(".csv").getFileName().toString();
        StringBuilder md = new StringBuilder();
        md.append("# Lazarus benchmarks: results\n\n");
        md.append("Written by `benchmarks/run.sh").append(args.isEmpty() ? "" : " " + String.join(" ", args))
                .append("` (").append(ctx.quick ? "**quick** subset" : "full run").append(") on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)))
                .append(String.format(Locale.ROOT, ", in %.1f minutes. ", minutes))
                .append("Every comparison below was measured in this same run as its baseline; the machine is shared and ")
                .append("noisy, so read ratios, not absolute figures. Chart: [").append(png).append("](").append(png)
                .append("); every figure: [").append(csvName).append("](").append(csvName).append(").\n\n");
        md.append("**Machine:** ").append(ctx.machine).append("\n\n");
        md.append("## Goals\n\n").append(goals(res)).append("\n");
        if (!res.problems.isEmpty()) {
            md.append("**Problems in this run:**\n\n");
            for (String p : res.problems) {
                md.append("- ").append(p.replace('\n', ' ')).append("\n");
            }
            md.append("\n");
        }
        res.sections.forEach((title, body) -> md.append("## ").append(title).append("\n\n").append(body).append("\n"));
        md.append("## Chart\n\n![Lazarus benchmarks](").append(png).append(")\n");
        StringBuilder csv = new StringBuilder("section,name,value,unit,note\n");
        for (String[] row : res.csv) {
            for (int i = 0; i < row.length; i++) {
                csv.append(i == 0 ? "" : ",").append(quote(row[i]));
            }
            csv.append("\n");
        }
        try {
            Files.writeString(ctx.result(".md"), md.toString());
            Files.writeString(ctx.result(".csv"), csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The three goals of the issue, with the measured ratio and by how much a missed one is missed. */
    static String goals(Results res) {
        StringBuilder g = new StringBuilder("| goal | target | measured | verdict |\n|---|---|---|---|\n");
        double longRatio = res.get("write.1.loggedLongWrite") / res.get("write.1.rawChronicleAppend");
        double worstKind = 0;
        String worstName = "";
        for (String[] row : WritePathSection.ROWS) {
            if (row[0].startsWith("logged")) {
                double r = res.get("write.1." + row[0]) / res.get("write.1.rawChronicleAppend");
                if (r > worstKind) {
                    worstKind = r;
                    worstName = row[0];
                }
            }
        }
        g.append("| logged write vs raw Chronicle append (1 thread) | ≤ 1.5× | `long` ").append(Results.ratio(longRatio))
                .append("; worst kind (").append(worstName).append(") ").append(Results.ratio(worstKind)).append(" | ")
                .append(verdict(longRatio <= 1.5, longRatio / 1.5, "above")).append(worstKind > 1.5 ? " for `long`; the worst kind misses by "
                        + String.format(Locale.ROOT, "%.0f%%", (worstKind / 1.5 - 1) * 100) : "").append(" |\n");
        appendTransferGoal(g, res, "none", "without forcing");
        appendTransferGoal(g, res, "force", "forcing per commit");
        double replay = res.get("replay.ratio");
        g.append("| recovery replay rate vs raw Chronicle tailer | ≥ 0.5× | ").append(Results.ratio(replay)).append(" (")
                .append(Results.num(res.get("replay.lazarus") / 1e6)).append(" vs ").append(Results.num(res.get("replay.tailer") / 1e6))
                .append(" M records/s) | ").append(verdict(replay >= 0.5, 0.5 / replay, "below")).append(" |\n");
        return g.toString();
    }

    private static void appendTransferGoal(StringBuilder g, Results res, String durability, String label) {
        double laz = res.get("bank.lazarus." + durability + ".tps");
        String best = null;
        double bestTps = 0;
        String bestTx = null;
        double bestTxTps = 0;
        for (BankSection.Config c : BankSection.CONFIGS) {
            if (!c.peer() || !c.durability().equals(durability)) {
                continue;
            }
            double t = res.get(c.key() + ".tps");
            if (!Double.isNaN(t) && t > bestTps) {
                bestTps = t;
                best = c.label() + " " + c.settings();
            }
            if (c.transactional() && !Double.isNaN(t) && t > bestTxTps) {
                bestTxTps = t;
                bestTx = c.label() + " " + c.settings();
            }
        }
        double r = laz / bestTps;
        double rTx = laz / bestTxTps;
        g.append("| `@Atomic` transfer vs best peer, ").append(label).append(" | ≥ 10× | ").append(Results.ratio(r))
                .append(" vs ").append(best).append(" (").append(Results.num(laz)).append(" vs ").append(Results.num(bestTps))
                .append(" transfers/s)");
        if (bestTx != null && !bestTx.equals(best)) {
            g.append("; ").append(Results.ratio(rTx)).append(" vs the best transactional peer, ").append(bestTx);
        }
        double floor = res.get("bank.chronicle." + durability + ".tps");
        if (!Double.isNaN(floor)) {
            g.append("; the floor of Lazarus's design (raw Chronicle append").append(durability.equals("force") ? " + fsync" : "")
                    .append(") does ").append(Results.num(floor)).append("/s, Lazarus reaches ")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100 * laz / floor)).append(" of it");
        }
        g.append(" | ").append(verdict(r >= 10, 10 / r, "below"));
        if (bestTx != null && !bestTx.equals(best)) {
            g.append(rTx >= 10 ? " (met against the transactional peers)" : "");
        }
        g.append(" |\n");
        res.put("goal.transfer." + durability, r);
        res.put("goal.transfer.tx." + durability, rTx);
    }

    private static String verdict(boolean met, double factor, String direction) {
        if (Double.isNaN(factor)) {
            return "not measured";
        }
        return met ? "**met**" : String.format(Locale.ROOT, "**missed**, %.1f× %s the target", factor, direction);
    }
}
