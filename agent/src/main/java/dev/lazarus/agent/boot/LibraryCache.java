package dev.lazarus.agent.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * The agent jar carries its libraries as nested jars under {@code META-INF/lazarus/lib/}; a class
 * loader needs them as files. They are extracted once per agent build into an owner-only cache
 * directory under {@code java.io.tmpdir}, and every file is checked against the CRC recorded in
 * the agent jar before use, so a file planted or damaged there is replaced, never loaded.
 */
final class LibraryCache {
    static final String PREFIX = "META-INF/lazarus/lib/";

    private LibraryCache() {
    }

    static List<URL> classPath(Path agentJar) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(agentJar.toUri().toURL());
        if (Files.isDirectory(agentJar)) {
            return urls; // running from classes (tests): the libraries are on the class path already
        }
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            List<JarEntry> libs = new ArrayList<>();
            CRC32 id = new CRC32();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith(PREFIX) && entry.getName().endsWith(".jar")) {
                    libs.add(entry);
                }
            }
            Collections.sort(libs, (a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry entry : libs) {
                id.update(entry.getName().getBytes());
                id.update(Long.toString(entry.getCrc()).getBytes());
            }
            Path dir = cacheDir(Long.toHexString(id.getValue()));
            for (JarEntry entry : libs) {
                Path file = dir.resolve(entry.getName().substring(PREFIX.length()));
                if (!matches(file, entry)) {
                    extract(jar, entry, file);
                }
                urls.add(file.toUri().toURL());
            }
        }
        return urls;
    }

    private static Path cacheDir(String id) throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "lazarus-" + user, id);
        try {
            Files.createDirectories(dir.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot use " + dir + " for the agent's libraries: " + e.getMessage(), e);
        }
        // a shared temp directory: never load jars from a folder someone else owns
        if (!Files.getOwner(dir.getParent()).getName().equals(System.getProperty("user.name"))) {
            return Files.createTempDirectory("lazarus-lib-");
        }
        return dir;
    }

    private static boolean matches(Path file, JarEntry entry) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            CRC32 crc = new CRC32();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
            return crc.getValue() == entry.getCrc();
        } catch (IOException e) {
            return false;
        }
    }

    private static void extract(JarFile jar, JarEntry entry, Path file) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "lib", ".tmp");
        try (InputStream in = jar.getInputStream(entry); OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
        }
        // concurrent JVMs may race here: each writes its own temp file and the atomic move makes one win
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
