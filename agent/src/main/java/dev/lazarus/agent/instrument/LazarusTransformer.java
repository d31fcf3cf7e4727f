package dev.lazarus.agent.instrument;

import dev.lazarus.internal.engine.ThirdParty;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;

import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Transforms, at load time, the classes that hold or change tracked state, and nothing else: a
 * cheap scan of the constant pool decides, and every other class is returned untouched.
 *
 * <p>A failure to transform a class that needs it would silently lose that class's changes, so it
 * is reported as an error and (with {@code strict=true}) stops the JVM.
 */
public final class LazarusTransformer implements ClassFileTransformer {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    private static final byte[] DURABLE = ClassFacts.DURABLE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] ATOMIC = ClassFacts.ATOMIC.getBytes(StandardCharsets.UTF_8);
    private static final byte[] DISTRIBUTED = ClassFacts.DISTRIBUTED.getBytes(StandardCharsets.UTF_8);
    private static final int UTF8 = 1;
    private static final int FIELDREF = 9;

    private final ClassLoader ownLoader;
    private final boolean strict;
    private final ThirdParty config;
    private final Map<ClassLoader, TypeInfo> types = new WeakHashMap<>();

    public LazarusTransformer(ClassLoader ownLoader, boolean strict, ThirdParty config) {
        this.ownLoader = ownLoader;
        this.strict = strict;
        this.config = config;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (className == null || redefined != null || loader == null || loader == ownLoader || skipped(className)) {
            return null;
        }
        if (config.namesFieldsOf(className)) {
            checkConfiguredFields(classFile);
        }
        try {
            TypeInfo types = typesFor(loader);
            if (config.namesFieldsOf(className) || mentions(new ClassReader(classFile), DURABLE)) {
                checkRootKeys(types, classFile);
            }
            return rewrite(types, classFile);
        } catch (Throwable e) {
            String message = "Lazarus could not instrument " + className.replace('/', '.') + ": " + e
                    + ". Its changes would not be logged";
            if (strict) {
                LOG.log(System.Logger.Level.ERROR, message + "; stopping the JVM (strict=true) rather than lose them", e);
                // the JVM stops next: this must reach the user whatever logging is configured
                System.err.println("Lazarus: " + message + "; stopping (strict=true).");
                Runtime.getRuntime().halt(70);
            }
            LOG.log(System.Logger.Level.WARNING, message, e);
            return null;
        }
    }

    /**
     * A class that {@code roots=} or {@code exclude=} names has loaded: every field named must exist.
     * A typo would silently lose a root, or log a connection, so with {@code strict=true} it stops the JVM.
     */
    private void checkConfiguredFields(byte[] classFile) {
        ClassFacts cls = ClassFacts.read(classFile);
        List<String> missing = config.missingFields(cls.name, cls.fieldNames());
        if (missing.isEmpty()) {
            return;
        }
        String message = "the agent options name fields that " + cls.name.replace('/', '.') + " does not declare: "
                + String.join(", ", missing) + ". Its fields are " + cls.fieldNames()
                + ". Fix: correct the option (a field is named by the class that declares it: pkg.Class.field)";
        if (strict) {
            LOG.log(System.Logger.Level.ERROR, message);
            // the JVM stops next: this must reach the user whatever logging is configured
            System.err.println("Lazarus: " + message + "; stopping (strict=true).");
            Runtime.getRuntime().halt(2);
        }
        LOG.log(System.Logger.Level.WARNING, message + " (strict=false: ignored)");
    }

    /** Keyed roots are checked as their class loads; a mistake stops the JVM (strict=true) as a misspelt option does. */
    private void checkRootKeys(TypeInfo types, byte[] classFile) {
        List<String> problems = RootKeyCheck.problems(ClassFacts.read(classFile).configured(types.config()), types);
        if (problems.isEmpty()) {
            return;
        }
        String message = "bad keyed root: " + String.join("; ", problems);
        if (strict) {
            LOG.log(System.Logger.Level.ERROR, message);
            // the JVM stops next: this must reach the user whatever logging is configured
            System.err.println("Lazarus: " + message + "; stopping (strict=true).");
            Runtime.getRuntime().halt(2);
        }
        LOG.log(System.Logger.Level.WARNING, message + " (strict=false: the assignment will fail)");
    }

    /** Visible for tests: what the class-load check of keyed roots reports for one class file. */
    public static List<String> rootKeyProblems(ClassLoader loader, ThirdParty config, byte[] classFile) {
        TypeInfo types = new TypeInfo(loader, config);
        return RootKeyCheck.problems(ClassFacts.read(classFile).configured(config), types);
    }

    /** Visible for tests: rewrites one class file, or returns null when it needs nothing. */
    public static byte[] rewrite(ClassLoader loader, byte[] classFile) {
        return rewrite(loader, ThirdParty.NONE, classFile);
    }

    /** Visible for tests: the same with a configuration of third-party classes. */
    public static byte[] rewrite(ClassLoader loader, ThirdParty config, byte[] classFile) {
        return rewrite(new TypeInfo(loader, config), classFile);
    }

    private synchronized TypeInfo typesFor(ClassLoader loader) {
        return types.computeIfAbsent(loader, l -> new TypeInfo(l, config));
    }

    private static boolean skipped(String name) {
        if (TypeInfo.isPlatform(name) || name.startsWith("net/bytebuddy/") || name.startsWith("net/openhft/")) {
            return true;
        }
        // Lazarus itself, but not applications that happen to live under dev/lazarus (samples, tests)
        return name.startsWith("dev/lazarus/internal/") || name.startsWith("dev/lazarus/agent/")
                || (name.startsWith("dev/lazarus/") && name.indexOf('/', "dev/lazarus/".length()) < 0);
    }

    private static byte[] rewrite(TypeInfo types, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassFacts read = ClassFacts.read(classFile);
        if (read.isRecordOrEnum && !mentions(reader, DURABLE) && !mentions(reader, ATOMIC)) {
            return null;
        }
        ClassFacts self = types.remember(read);
        Scan scan = scan(reader, types);
        boolean tracked = types.isTracked(self.name);
        if (!tracked && !scan.touchesTrackedFields && !self.declaresRoot() && !mentions(reader, DURABLE)
                && !mentions(reader, ATOMIC) && !mentions(reader, DISTRIBUTED)) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        ClassRewriter rewriter = new ClassRewriter(writer, types, self, scan.touchesTrackedArrays || hasTrackedArray(self, tracked));
        reader.accept(rewriter, 0);
        return rewriter.isChanged() ? writer.toByteArray() : null;
    }

    private static boolean hasTrackedArray(ClassFacts self, boolean tracked) {
        return tracked && self.fields.values().stream().anyMatch(f -> f.persistent() && f.descriptor().startsWith("["));
    }

    private record Scan(boolean touchesTrackedFields, boolean touchesTrackedArrays) {
    }

    /** Walks the constant pool's field references: does this class read or write tracked fields? */
    private static Scan scan(ClassReader reader, TypeInfo types) {
        boolean fields = false;
        boolean arrays = false;
        char[] buf = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || reader.readByte(offset - 1) != FIELDREF) {
                continue;
            }
            String owner = reader.readClass(offset, buf);
            if (TypeInfo.isPlatform(owner)) {
                continue;
            }
            int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
            String name = reader.readUTF8(nameAndType, buf);
            String desc = reader.readUTF8(nameAndType + 2, buf);
            Optional<ClassFacts.FieldFacts> f = types.resolveField(owner, name, desc);
            if (f.isPresent() && (f.get().durable() || f.get().distributed() || types.isTrackedField(f.get()))) {
                fields = true;
                if (desc.startsWith("[") && !f.get().durable() && !f.get().distributed()) {
                    arrays = true;
                }
            }
        }
        return new Scan(fields, arrays);
    }

    private static boolean mentions(ClassReader reader, byte[] utf8) {
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || reader.readByte(offset - 1) != UTF8 || reader.readUnsignedShort(offset) != utf8.length) {
                continue;
            }
            boolean same = true;
            for (int j = 0; j < utf8.length && same; j++) {
                same = reader.readByte(offset + 2 + j) == utf8[j];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
