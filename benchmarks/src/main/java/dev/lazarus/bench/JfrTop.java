package dev.lazarus.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Summarises a JFR recording made with {@code --profile}: the hottest methods by CPU samples
 * ({@code jdk.ExecutionSample}, self and total), the hottest leaf stacks, GC pauses, and long
 * waits of Java threads (park, monitor, file force). The same as {@code jfr print --events
 * jdk.ExecutionSample} aggregated.
 *
 * <pre>java -cp ... dev.lazarus.bench.JfrTop FILE.jfr [THREAD_NAME_PREFIX] [TOP]</pre>
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String thread = args.length > 1 ? args[1] : "";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> stacks = new HashMap<>();
        Map<String, long[]> waits = new LinkedHashMap<>();
        long samples = 0;
        long gcCount = 0;
        Duration gcTotal = Duration.ZERO;
        Duration gcMax = Duration.ZERO;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    String t = e.getThread("sampledThread") == null ? "" : e.getThread("sampledThread").getJavaName();
                    if (t == null || !t.startsWith(thread)) {
                        continue;
                    }
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = st.getFrames();
                    self.merge(name(frames.get(0)), 1, Integer::sum);
                    frames.stream().map(JfrTop::name).distinct().forEach(n -> total.merge(n, 1, Integer::sum));
                    stacks.merge(frames.stream().limit(6).map(JfrTop::name).collect(Collectors.joining(" < ")), 1, Integer::sum);
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcTotal = gcTotal.plus(e.getDuration());
                    if (e.getDuration().compareTo(gcMax) > 0) {
                        gcMax = e.getDuration();
                    }
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.FileForce", "jdk.FileWrite",
                        "jdk.FileRead", "jdk.SafepointBegin", "jdk.ThreadSleep" -> {
                    String t = e.getThread() == null ? "" : e.getThread().getJavaName();
                    if (t == null || !t.startsWith(thread)) {
                        continue;
                    }
                    long[] w = waits.computeIfAbsent(type, k -> new long[3]);
                    w[0]++;
                    w[1] += e.getDuration().toNanos();
                    w[2] = Math.max(w[2], e.getDuration().toNanos());
                }
                default -> {
                }
            }
        }
        System.out.printf("%s: %d CPU samples%s%n", file.getFileName(), samples, thread.isEmpty() ? "" : " on threads " + thread + "*");
        print("self (top frame)", self, samples, top);
        print("total (anywhere on the stack)", total, samples, top);
        print("leaf stacks (6 frames)", stacks, samples, Math.min(top, 12));
        System.out.printf("%nGC: %d pauses/collections, %d ms in total, longest %d ms%n", gcCount, gcTotal.toMillis(), gcMax.toMillis());
        waits.forEach((k, w) -> System.out.printf("%s: %d events over threshold, %.1f ms in total, longest %.2f ms%n", k, w[0],
                w[1] / 1e6, w[2] / 1e6));
    }

    private static void print(String title, Map<String, Integer> counts, long samples, int top) {
        System.out.printf("%n-- %s%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame f) {
        String c = f.getMethod().getType().getName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + (f.getType().equals("Inlined") ? "" : "");
    }
}
