package dev.lazarus.it.apps.deps;

import com.esotericsoftware.kryo.Kryo;
import dev.lazarus.Durable;
import dev.lazarus.Lazarus;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Dependency clash: the app ships its own Kryo 4 and SLF4J 1.7 (the agent has its own Kryo and
 * may have its own SLF4J): it must get ITS versions, use them, and have durable state too.
 * Prints {@code CHECK name=value} lines about where its classes come from.
 */
public class DepsApp {
    @Durable
    static DepsState state = new DepsState();

    static String jarOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "none";
        }
        String p = cs.getLocation().getPath();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger(DepsApp.class);
        Kryo kryo = new Kryo();
        System.out.println("CHECK kryo=" + jarOf(Kryo.class));
        System.out.println("CHECK kryo.io.Output=" + jarOf(com.esotericsoftware.kryo.io.Output.class));
        System.out.println("CHECK slf4j=" + jarOf(LoggerFactory.class));
        System.out.println("CHECK slf4j-binding=" + LoggerFactory.getILoggerFactory().getClass().getName() + " from "
                + jarOf(LoggerFactory.getILoggerFactory().getClass()));
        System.out.println("CHECK kryo-by-name=" + jarOf(Class.forName("com.esotericsoftware.kryo.Kryo", false,
                DepsApp.class.getClassLoader())));
        System.out.println("CHECK agent=" + Lazarus.isActive());
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                DepsState s = state;
                List<String> out = new ArrayList<>(Show.fields(s));
                out.add("payload=" + s.load(kryo));
                return out;
            }

            @Override
            public void build() {
                DepsState s = state;
                s.store(kryo, new Payload("first", 1, List.of("a")));
                Payload p = new Payload("second \u00e9", 42, List.of("x", "y", "z"));
                s.store(kryo, p);
                Payload back = s.load(kryo);
                System.out.println("CHECK kryo-roundtrip=" + back);
                log.info("hello from the app's SLF4J 1.7, counter={}", s.counter);
                s.lastLog = "logged " + s.counter;
            }
        });
    }
}
