package dev.lazarus.bench.recovery;

import dev.lazarus.internal.hook.Hooks;

import java.lang.reflect.Field;

/**
 * The redo log's own counters (records and payload bytes appended by this run), read by reflection
 * from the engine behind {@link Hooks#journal()}: the engine lives in the agent's isolated class
 * loader and does not publish them. Benchmark use only; {-1, -1} if they cannot be read.
 */
public final class EngineStats {
    private EngineStats() {
    }

    /** {records, bytes} appended so far by this run. */
    public static long[] logCounters() {
        try {
            Object engine = Hooks.journal();
            Field f = engine.getClass().getDeclaredField("log");
            f.setAccessible(true);
            Object log = f.get(engine);
            long records = (long) log.getClass().getMethod("appendedRecords").invoke(log);
            long bytes = (long) log.getClass().getMethod("appendedBytes").invoke(log);
            return new long[] {records, bytes};
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
