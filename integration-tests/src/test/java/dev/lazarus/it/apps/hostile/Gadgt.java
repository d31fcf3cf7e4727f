package dev.lazarus.it.apps.hostile;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not tracked: a stand-in for a deserialization gadget. Its static initialiser, constructor and
 * {@code readObject} each leave a marker file in the directory named by {@code -Dhostile.markers},
 * so a test sees whether recovery ran any of its code.
 */
public class Gadgt implements Serializable {
    private static final long serialVersionUID = 1L;

    static {
        mark("static-initializer");
    }

    String name;
    long count;

    public Gadgt() {
        mark("constructor");
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        mark("readObject");
        in.defaultReadObject();
    }

    static void mark(String what) {
        String dir = System.getProperty("hostile.markers");
        if (dir == null) {
            return;
        }
        try {
            Files.writeString(Path.of(dir, what), what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
