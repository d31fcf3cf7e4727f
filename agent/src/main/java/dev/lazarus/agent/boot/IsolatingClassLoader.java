package dev.lazarus.agent.boot;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads the agent's engine and its libraries apart from the application. Its parent is the
 * platform loader, so no application class (or application copy of Chronicle, Byte Buddy, SLF4J,
 * Kryo...) is ever seen; the few Lazarus packages that application code calls (the API, the hooks,
 * the tracked collections, this boot package) are delegated to the loader of the agent jar, so
 * that both sides share one copy of them.
 */
final class IsolatingClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ClassLoader shared;

    IsolatingClassLoader(List<URL> classPath, ClassLoader shared) {
        super("lazarus", classPath.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        this.shared = shared;
    }

    static boolean isShared(String name) {
        if (name.startsWith("dev.lazarus.internal.hook.") || name.startsWith("dev.lazarus.internal.collection.")
                || name.startsWith("dev.lazarus.agent.boot.")) {
            return true;
        }
        return name.startsWith("dev.lazarus.") && name.indexOf('.', "dev.lazarus.".length()) < 0;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return shared.loadClass(name);
        }
        if (name.startsWith("com.sun.jna.")) {
            // Chronicle's thread-affinity library loads JNA's native code at start-up, which Java 24+
            // reports as a restricted-method warning that an agent cannot switch off. Lazarus pins no
            // threads: without JNA the library falls back to its no-op implementation.
            throw new ClassNotFoundException(name + " (not loaded by Lazarus: it needs no native access)");
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                    c = getParent().loadClass(name);
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL url = findResource(name);
        return url != null ? url : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> own = findResources(name);
        return own.hasMoreElements() ? own : getParent().getResources(name);
    }

}
