package dev.lazarus.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

import java.util.ArrayList;
import java.util.List;

/** Figures out of JMH results, merged over forks. */
final class Scores {
    private Scores() {
    }

    /** Every measurement iteration of {@code method} over all forks: mean and a 99.9% confidence interval. */
    static ListStatistics iterations(List<RunResult> results, String method) {
        ListStatistics s = new ListStatistics();
        for (RunResult r : results) {
            if (!Jmh.method(r).equals(method)) {
                continue;
            }
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    s.addValue(i.getPrimaryResult().getScore());
                }
            }
        }
        return s;
    }

    /** The median of every measurement iteration over all forks: robust to the load spikes of a shared machine. */
    static double median(List<RunResult> results, String method) {
        return percentile(results, method, 50);
    }

    static double percentile(List<RunResult> results, String method, double p) {
        ListStatistics s = iterations(results, method);
        return s.getN() == 0 ? Double.NaN : s.getPercentile(p);
    }

    static double mean(List<RunResult> results, String method) {
        ListStatistics s = iterations(results, method);
        return s.getN() == 0 ? Double.NaN : s.getMean();
    }

    static double error(List<RunResult> results, String method) {
        ListStatistics s = iterations(results, method);
        return s.getN() < 2 ? Double.NaN : s.getMeanErrorAt(0.999);
    }

    /** Sample-mode results: mean, p50, p99 (ns), averaged over forks. */
    static double[] sample(List<RunResult> results) {
        List<double[]> per = new ArrayList<>();
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            per.add(new double[] {s.getMean(), s.getPercentile(50), s.getPercentile(99), s.getN()});
        }
        double[] out = new double[4];
        for (double[] p : per) {
            for (int i = 0; i < 4; i++) {
                out[i] += p[i] / per.size();
            }
        }
        return per.isEmpty() ? new double[] {Double.NaN, Double.NaN, Double.NaN, 0} : out;
    }
}
