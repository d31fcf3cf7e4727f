package dev.lazarus.bench;

import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Markdown table: the median score of each benchmark over its forks, and its ratio to the baselines. */
final class Report {
    private Report() {
    }

    static void print(Collection<RunResult> results) {
        Map<String, List<Double>> scores = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            scores.computeIfAbsent(name, k -> new ArrayList<>()).add(r.getPrimaryResult().getScore());
        }
        double plain = median(scores.get("plainFieldWrite"));
        double raw = median(scores.get("rawChronicleAppend"));
        System.out.println();
        System.out.println("| benchmark | median ns/op | × plain write | × raw Chronicle append |");
        System.out.println("|---|---|---|---|");
        scores.forEach((name, s) -> System.out.printf("| %s | %.1f | %.0f | %.2f |%n", name, median(s),
                median(s) / plain, median(s) / raw));
    }

    private static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
