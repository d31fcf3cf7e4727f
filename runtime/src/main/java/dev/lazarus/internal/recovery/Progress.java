package dev.lazarus.internal.recovery;

/**
 * How far a long replay (recovery, an offline compaction) has got, and how long it still needs.
 * The work is split into phases (loading the snapshot, reading the log, replaying it...), each
 * weighed by the recovery-time model, so that the fraction grows with time rather than with
 * records. The reader calls {@link #tick}; every 1024 ticks the time is checked, and once
 * {@code delayMillis} have passed the listener hears about it every {@code intervalMillis}.
 * Not thread-safe: one reader thread ticks, the listener runs on it.
 */
public final class Progress {
    /** Receives the reports. */
    public interface Listener {
        void report(Progress p);

        /** The work is done; called only if a report was made. */
        default void finished(Progress p) {
        }
    }

    /** No reports: what the background snapshots use. */
    static final Progress NONE = new Progress(null, 0, 0);

    private final Listener listener;
    private final long delayNanos;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long next;
    private boolean reported;
    private double total = 1;
    private double before;
    private String phase = "starting";
    private String unit = "";
    private double weight;
    private long units;
    private long done;
    private int ticks;

    public Progress(Listener listener, long delayMillis, long intervalMillis) {
        this.listener = listener;
        this.delayNanos = delayMillis * 1_000_000;
        this.intervalNanos = Math.max(1, intervalMillis) * 1_000_000;
        this.next = start + delayNanos;
    }

    /** Recovery's progress lines: INFO, after two seconds, every second. */
    static Progress logging(System.Logger log) {
        return new Progress(p -> log.log(System.Logger.Level.INFO, "Lazarus recovery: " + p.line()), 2_000, 1_000);
    }

    /** The total weight of all phases (nanoseconds, as the model estimates them). */
    public void plan(double totalWeight) {
        if (listener != null) {
            total = Math.max(1, totalWeight);
            before = 0;
        }
    }

    /** Starts a phase of {@code units} units (bytes, records) weighing {@code phaseWeight}. */
    public void phase(String name, String unitName, long phaseUnits, double phaseWeight) {
        if (listener == null) {
            return;
        }
        before += weight;
        phase = name;
        unit = unitName;
        units = Math.max(0, phaseUnits);
        weight = phaseWeight;
        done = 0;
    }

    public void tick(long n) {
        if (listener == null) {
            return;
        }
        done += n;
        if ((++ticks & 1023) == 0) {
            check();
        }
    }

    private void check() {
        long now = System.nanoTime();
        if (now >= next) {
            next = now + intervalNanos;
            reported = true;
            listener.report(this);
        }
    }

    /** Ends the work: a last report if any was made. */
    public void finish() {
        if (listener != null && reported) {
            before = total;
            weight = 0;
            listener.finished(this);
        }
    }

    public double fraction() {
        double inPhase = units == 0 ? 0 : Math.min(1, done / (double) units);
        return Math.min(1, (before + weight * inPhase) / total);
    }

    public long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Time left at the pace so far, or -1 before 1% (too early to say). */
    public long etaMillis() {
        double f = fraction();
        return f < 0.01 ? -1 : (long) (elapsedMillis() * (1 - f) / f);
    }

    /** "replaying the log: 420,000 of 1,000,000 records". */
    public String detail() {
        return units == 0 ? phase : String.format("%s: %,d of %,d %s", phase, Math.min(done, units), units, unit);
    }

    /** "42% (replaying the log: 420,000 of 1,000,000 records), about 3 s left". */
    public String line() {
        long eta = etaMillis();
        return String.format("%d%% (%s), %s", (int) (fraction() * 100), detail(),
                eta < 0 ? "time left unknown" : "about " + Math.max(1, (eta + 500) / 1000) + " s left");
    }
}
