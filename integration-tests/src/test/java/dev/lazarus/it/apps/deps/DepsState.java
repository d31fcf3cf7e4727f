package dev.lazarus.it.apps.deps;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.List;

/** Tracked state of an app that uses its own Kryo 4 (in this very class) and SLF4J 1.7. */
@Durable
public class DepsState {
    long counter;
    byte[] blob;
    String lastLog;
    final List<String> history = new ArrayList<>();

    void store(Kryo kryo, Payload p) {
        Output out = new Output(256, -1);
        kryo.writeObject(out, p);
        blob = out.toBytes();
        history.add("stored " + p.name);
        counter++;
    }

    Payload load(Kryo kryo) {
        return blob == null ? null : kryo.readObject(new Input(blob), Payload.class);
    }
}
