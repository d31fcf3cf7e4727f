package dev.lazarus.agent.cli;

import dev.lazarus.agent.instrument.LazarusTransformer;
import dev.lazarus.internal.engine.ThirdParty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the application's classes for an offline compaction, instrumented by the agent's own
 * transformer as they are defined, exactly as under {@code -javaagent}: the state is rebuilt as
 * real objects of those classes (constructors run, as at recovery) and written by the
 * snapshotter's code. Its parent is the loader of the agent jar, which holds the API, the hooks
 * and the tracked collections the instrumented classes call.
 */
final class AppClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final LazarusTransformer transformer;

    private AppClassLoader(URL[] urls, ClassLoader agentJarLoader, ClassLoader engineLoader, ThirdParty thirdParty) {
        super("lazarus-compact-app", urls, agentJarLoader);
        this.transformer = new LazarusTransformer(engineLoader, true, thirdParty);
    }

    /** {@code classPath}: entries separated by the platform's separator; {@code dir/*} takes the jars in dir. */
    static AppClassLoader of(String classPath, ThirdParty thirdParty) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                if (entry.endsWith("*")) {
                    Path dir = Path.of(entry.substring(0, entry.length() - 1));
                    try (Stream<Path> jars = Files.list(dir)) {
                        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                            urls.add(jar.toUri().toURL());
                        }
                    }
                } else {
                    Path p = Path.of(entry);
                    if (!Files.exists(p)) {
                        throw new UsageException("--classpath entry " + entry + " does not exist. Give the class path the"
                                + " application runs with (its -cp)");
                    }
                    urls.add(p.toUri().toURL());
                }
            } catch (MalformedURLException e) {
                throw new UsageException("--classpath entry " + entry + " is not a path: " + e.getMessage());
            } catch (IOException e) {
                throw new UsageException("--classpath entry " + entry + " cannot be listed: " + e);
            }
        }
        if (urls.isEmpty()) {
            throw new UsageException("--classpath is empty. Give the class path the application runs with (its -cp)");
        }
        return new AppClassLoader(urls.toArray(new URL[0]), ClassLoader.getSystemClassLoader(),
                AppClassLoader.class.getClassLoader(), thirdParty);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        URL url = findResource(name.replace('.', '/') + ".class");
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": " + e, e);
        }
        byte[] rewritten = transformer.transform(this, name.replace('.', '/'), null, null, bytes);
        byte[] b = rewritten != null ? rewritten : bytes;
        return defineClass(name, b, 0, b.length);
    }
}
