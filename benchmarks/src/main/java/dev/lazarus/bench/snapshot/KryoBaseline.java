package dev.lazarus.bench.snapshot;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The floor of a snapshot: raw Kryo 5.6.2 (the application's own copy, not the agent's), no
 * reference tracking, registered classes, writing and reading a graph of plain objects shaped like
 * the tracked one, through a file that is forced like a snapshot file.
 */
final class KryoBaseline {
    /** One pass: nanoseconds and bytes. */
    record Pass(long nanos, long syncNanos, long bytes, long objects) {
    }

    private KryoBaseline() {
    }

    static Kryo kryo() {
        Kryo k = new Kryo();
        k.setReferences(false);
        k.setRegistrationRequired(true);
        k.register(PlainStore.class);
        k.register(java.util.HashMap.class);
        k.register(PlainItem.class);
        return k; // Long is registered by default
    }

    /** A plain copy of the tracked graph: the same items, keys and field values. */
    static PlainStore copyOf(Map<Long, Item> items) {
        PlainStore s = new PlainStore();
        s.items = new java.util.HashMap<>(items.size() * 4 / 3 + 1);
        for (Map.Entry<Long, Item> e : items.entrySet()) {
            Item i = e.getValue();
            s.items.put(e.getKey(), new PlainItem(i.id, i.value, i.count));
        }
        return s;
    }

    /** Writes the graph to {@code file} and forces it, as a snapshot is forced. */
    static Pass write(Kryo kryo, PlainStore store, Path file) throws IOException {
        long t0 = System.nanoTime();
        long t1;
        try (FileOutputStream fos = new FileOutputStream(file.toFile()); Output out = new Output(fos, 1 << 16)) {
            kryo.writeObject(out, store);
            out.flush();
            t1 = System.nanoTime();
            fos.getFD().sync();
        }
        long t2 = System.nanoTime();
        return new Pass(t2 - t0, t2 - t1, Files.size(file), store.items.size() + 2L);
    }

    static PlainStore read(Kryo kryo, Path file, long[] nanos) throws IOException {
        long t0 = System.nanoTime();
        PlainStore s;
        try (Input in = new Input(new FileInputStream(file.toFile()), 1 << 16)) {
            s = kryo.readObject(in, PlainStore.class);
        }
        nanos[0] = System.nanoTime() - t0;
        return s;
    }
}
