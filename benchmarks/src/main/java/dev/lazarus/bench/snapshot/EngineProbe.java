package dev.lazarus.bench.snapshot;

import dev.lazarus.internal.hook.Hooks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the agent's own account of the last snapshot ({@code Snapshotter.Taken}: objects, bytes,
 * total, load of the previous snapshot, replay of the log after it) from the engine behind
 * {@link Hooks#journal()}, by reflection: the engine lives in the agent's isolated class loader
 * and exposes only the total through {@code Lazarus.status()}. Benchmark use only.
 */
final class EngineProbe {
    private EngineProbe() {
    }

    /** The components of the last snapshot taken in this run, or null. */
    static Map<String, String> lastTaken() {
        try {
            Object engine = Hooks.journal();
            Field f = engine.getClass().getDeclaredField("snapshotter");
            f.setAccessible(true);
            Object snapshotter = f.get(engine);
            Method last = snapshotter.getClass().getDeclaredMethod("last");
            last.setAccessible(true);
            Object taken = last.invoke(snapshotter);
            if (taken == null) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (RecordComponent c : taken.getClass().getRecordComponents()) {
                Method m = c.getAccessor();
                m.setAccessible(true);
                out.put(c.getName(), String.valueOf(m.invoke(taken)));
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the engine's last snapshot: " + e, e);
        }
    }
}
