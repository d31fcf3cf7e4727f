package dev.lazarus.bench.snapshot;

import java.util.Locale;

/** The child JVMs' results: one {@code FIG <name> key=value...} line on stdout each. */
final class Fig {
    private Fig() {
    }

    static void print(String name, Object... kv) {
        StringBuilder b = new StringBuilder("FIG ").append(name);
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            b.append(' ').append(kv[i]).append('=')
                    .append(v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v));
        }
        System.out.println(b);
        System.out.flush();
    }
}
