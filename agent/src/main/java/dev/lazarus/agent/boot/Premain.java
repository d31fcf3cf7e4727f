package dev.lazarus.agent.boot;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The agent's entry point, loaded by the system class loader. It keeps Lazarus's own libraries
 * (Chronicle, Byte Buddy and what they bring) away from the application's: they are loaded by an
 * {@link IsolatingClassLoader} that sees only the JDK, the agent jar and those libraries. It also
 * opens the JDK packages Chronicle needs to that loader, so the user passes no
 * {@code --add-opens} flags.
 */
public final class Premain {
    private static final String[] EXPORTS = {"jdk.internal.ref", "jdk.internal.util", "jdk.internal.misc"};
    private static final String[] OPENS = {"java.lang", "java.lang.reflect", "java.nio", "java.util", "sun.nio.ch",
            "java.io", "jdk.internal.misc"};

    private Premain() {
    }

    public static void premain(String args, Instrumentation inst) {
        quietChronicle();
        ClassLoader isolated;
        try {
            isolated = isolatedLoader();
        } catch (Exception e) {
            // the JVM stops next: this must reach the user whatever logging is configured
            System.err.println("Lazarus: cannot set up the agent's class loader: " + e);
            System.exit(2);
            return;
        }
        openJdkTo(inst, isolated.getUnnamedModule());
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(isolated);
        try {
            Class<?> main = Class.forName("dev.lazarus.agent.AgentMain", true, isolated);
            main.getMethod("start", String.class, Instrumentation.class, ClassLoader.class).invoke(null, args, inst, isolated);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            // the JVM stops next: this must reach the user whatever logging is configured
            System.err.println("Lazarus: the agent failed to start: " + cause);
            System.exit(2);
        } catch (ReflectiveOperationException e) {
            // the JVM stops next: this must reach the user whatever logging is configured
            System.err.println("Lazarus: the agent jar is incomplete: " + e);
            System.exit(2);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    static ClassLoader isolatedLoader() throws Exception {
        Path jar = agentJar();
        return new IsolatingClassLoader(LibraryCache.classPath(jar), Premain.class.getClassLoader());
    }

    private static Path agentJar() throws URISyntaxException {
        return Path.of(Premain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Chronicle reads these once, when its classes initialise: set them before any of it loads. */
    static void quietChronicle() {
        for (String p : new String[] {"chronicle.analytics.disable", "chronicle.announcer.disable",
                "disable.perf.info", "chronicle.disk.monitor.disable"}) {
            System.setProperty(p, "true");
        }
        System.setProperty("background.releaser", "false");
        System.setProperty("jvm.resource.tracing", "false");
    }

    private static void openJdkTo(Instrumentation inst, Module target) {
        Module base = Object.class.getModule();
        Map<String, Set<Module>> exports = new java.util.HashMap<>();
        for (String p : EXPORTS) {
            exports.put(p, Set.of(target));
        }
        Map<String, Set<Module>> opens = new java.util.HashMap<>();
        for (String p : OPENS) {
            opens.put(p, Set.of(target));
        }
        inst.redefineModule(base, Set.of(), exports, opens, Set.of(), Map.of());
    }
}
