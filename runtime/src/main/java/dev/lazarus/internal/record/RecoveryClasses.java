package dev.lazarus.internal.record;

import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.engine.ClassModel;
import dev.lazarus.internal.hook.Tracked;

import java.lang.reflect.Modifier;
import java.util.Comparator;

/**
 * What recovery may create from a class named in a file. Classes are loaded without being
 * initialised ({@code Class.forName(name, false, loader)}) and checked here before any of their
 * code runs (static initialiser, constructor): each record kind accepts only the classes Lazarus
 * itself writes in that place. Nothing is ever deserialized by Java serialization or by Kryo's
 * class registration: snapshots use Kryo's streams only.
 */
public final class RecoveryClasses {
    private RecoveryClasses() {
    }

    /** An object created by a NEW record: a tracked class (made so by the agent: {@code @Durable}). */
    public static void checkTracked(Class<?> c) {
        if (!Tracked.class.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            // the likelier cause than tampering: a class made durable by configuration, started without it
            throw new ForbiddenClassException(c.getName(), "recovery refused class " + c.getName() + ": it is not a"
                    + " tracked class (neither @Durable nor matched by classes=), so the recorded state cannot name it;"
                    + " none of its code was run. Fix: if the application makes it durable by configuration, give the"
                    + " same classes=, roots= and exclude= as when the data was written (the compact command: --classes,"
                    + " --roots, --exclude); otherwise the file was tampered with: restore the data directory from a backup");
        }
    }

    /** A collection created by a NEW record: one of the JDK collections Lazarus tracks. */
    public static void checkCollection(Class<?> c) {
        if (c.getClassLoader() != null || TrackedCollections.trackedNameFor(c.getName().replace('.', '/')) == null) {
            throw refused(c, "is not one of the JDK collections Lazarus tracks");
        }
    }

    /** A collection subclass created by a NEW record: an application class the agent made extend a tracked collection. */
    public static void checkCollectionSubclass(Class<?> c) {
        checkTracked(c);
        if (!ClassModel.of(c).collectionSubclass) {
            throw refused(c, "is not an application's subclass of a collection Lazarus tracks");
        }
    }

    /** An enum constant (a value, or a comparator). */
    static void checkEnum(Class<?> c) {
        if (!c.isEnum()) {
            throw refused(c, "is not an enum");
        }
    }

    /** A {@code java.time} value, recreated by its {@code parse} method. */
    static void checkTime(Class<?> c) {
        if (c.getClassLoader() != null || !ValueCodec.isTimeClass(c)) {
            throw refused(c, "is not one of the java.time values Lazarus writes");
        }
    }

    /** A record value, recreated by its canonical constructor. */
    static void checkRecord(Class<?> c) {
        if (!c.isRecord()) {
            throw refused(c, "is not a record class");
        }
    }

    /** A comparator recreated by its no-arg constructor: a class of the application that is a Comparator. */
    static void checkComparator(Class<?> c) {
        if (!Comparator.class.isAssignableFrom(c) || c.getClassLoader() == null
                || c.getClassLoader() == ClassLoader.getPlatformClassLoader()) {
            throw refused(c, "is not a Comparator class of the application");
        }
    }

    private static ForbiddenClassException refused(Class<?> c, String why) {
        return new ForbiddenClassException(c.getName(), "recovery refused class " + c.getName() + ": it " + why
                + ", so the recorded state cannot name it (tampered or foreign file?); none of its code was run."
                + " Fix: restore the data directory from a backup");
    }
}
