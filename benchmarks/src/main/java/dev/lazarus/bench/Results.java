package dev.lazarus.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything a run measured: Markdown blocks per section, named figures (for goals and chart), CSV rows. */
final class Results {
    /** Section title → Markdown body. */
    final Map<String, StringBuilder> sections = new LinkedHashMap<>();
    /** Named figures: "write.1.loggedLongWrite" → ns/op, etc. */
    final Map<String, Double> values = new LinkedHashMap<>();
    /** section, name, value, unit, note. */
    final List<String[]> csv = new ArrayList<>();
    /** Problems met while running (a section that failed): reported, not hidden. */
    final List<String> problems = new ArrayList<>();

    StringBuilder section(String title) {
        return sections.computeIfAbsent(title, t -> new StringBuilder());
    }

    void put(String key, double value) {
        values.put(key, value);
    }

    double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    boolean has(String key) {
        Double v = values.get(key);
        return v != null && !v.isNaN();
    }

    void csv(String section, String name, double value, String unit, String note) {
        csv.add(new String[] {section, name, fmt(value, 4), unit, note == null ? "" : note});
    }

    static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A human figure: 3 significant digits, thousands separated. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String ratio(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        return (v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3f", v)) + "×";
    }

    /** The median: robust to the load spikes of a shared machine. NaN if there is nothing. */
    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The median of one value over a child's figures of the same name (one per round). */
    static double median(List<Map<String, String>> figs, String key) {
        return median(figs.stream().map(f -> value(f, key)).toList());
    }

    /** One value of a child's figure, or NaN if it is missing or not a number. */
    static double value(Map<String, String> fig, String key) {
        String v = fig == null ? null : fig.get(key);
        try {
            return v == null ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A count, rounded, thousands separated. */
    static String count(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** Milliseconds, as seconds from 10 s on. */
    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 10_000 ? String.format(Locale.ROOT, "%.1f s", v / 1000) : String.format(Locale.ROOT, "%,.0f ms", v);
    }

    /** Microseconds, as milliseconds from 1 ms on. */
    static String us(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v >= 1000) {
            return ms(v / 1000);
        }
        return v >= 10 ? String.format(Locale.ROOT, "%.0f µs", v) : String.format(Locale.ROOT, "%.1f µs", v);
    }

    /** Bytes as MB (10^6). */
    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** KiB (what {@code du -k} says) as MiB. */
    static String mib(double kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
