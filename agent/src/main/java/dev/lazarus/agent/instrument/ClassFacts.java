package dev.lazarus.agent.instrument;

import dev.lazarus.internal.engine.ThirdParty;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the instrumentation needs to know about a class without loading it: its superclass, whether
 * it is {@code @Durable}, and its fields with their modifiers and {@code @Durable} marks. Read
 * from the class file (never by loading the class, which would run its initializer too early).
 */
final class ClassFacts {
    static final String DURABLE = "Ldev/lazarus/Durable;";
    static final String ATOMIC = "Ldev/lazarus/Atomic;";
    static final String DISTRIBUTED = "Ldev/lazarus/Distributed;";

    /** One declared field; {@code excluded} when {@code exclude=} names it. */
    record FieldFacts(String owner, String name, String descriptor, int access, boolean durable, boolean distributed,
                      boolean excluded) {
        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }

        /** A field whose writes are logged: an instance field that is not final, transient, synthetic, @Distributed or excluded. */
        boolean persistent() {
            return (access & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC)) == 0
                    && !distributed && !excluded;
        }
    }

    final String name;
    final String superName;
    final boolean durable;
    final boolean isInterface;
    final boolean isRecordOrEnum;
    final Map<String, FieldFacts> fields;
    /** Keyed roots: root field name → key field name ({@code @Durable(key = ...)} or {@code roots=...[key]}). */
    final Map<String, String> rootKeys;
    /**
     * The classes this one is declared in (nest host, enclosing class of a local or anonymous class,
     * outer class of a member class): an anonymous {@code LinkedHashMap} subclass written inside a
     * {@code @Durable} class is tracked like one (it cannot carry an annotation itself).
     */
    final Set<String> enclosing;
    private final int access;

    private ClassFacts(String name, String superName, boolean durable, int access, Map<String, FieldFacts> fields,
                       Map<String, String> rootKeys, Set<String> enclosing) {
        this.access = access;
        this.rootKeys = rootKeys;
        this.enclosing = enclosing;
        this.name = name;
        this.superName = superName;
        this.durable = durable;
        this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        this.isRecordOrEnum = (access & (Opcodes.ACC_RECORD | Opcodes.ACC_ENUM)) != 0
                || "java/lang/Record".equals(superName) || "java/lang/Enum".equals(superName);
        this.fields = fields;
    }

    FieldFacts field(String fieldName, String descriptor) {
        return fields.get(fieldName + ':' + descriptor);
    }

    /**
     * These facts with the configuration applied: a class matching {@code classes=} counts as
     * {@code @Durable}, a field in {@code roots=} as a {@code @Durable} root, a field in
     * {@code exclude=} is never logged.
     */
    ClassFacts configured(ThirdParty config) {
        if (config == ThirdParty.NONE) {
            return this;
        }
        Map<String, FieldFacts> out = new HashMap<>();
        Map<String, String> keys = new HashMap<>(rootKeys);
        fields.forEach((key, f) -> {
            out.put(key, new FieldFacts(f.owner(), f.name(), f.descriptor(), f.access(),
                    f.durable() || config.isRoot(name, f.name()), f.distributed(), config.isExcluded(name, f.name())));
            String rootKey = config.rootKey(name, f.name());
            if (rootKey != null) {
                keys.put(f.name(), rootKey);
            }
        });
        return new ClassFacts(name, superName, durable || config.tracks(name), access, out, keys, enclosing);
    }

    Set<String> fieldNames() {
        Set<String> names = new TreeSet<>();
        fields.values().forEach(f -> names.add(f.name()));
        return names;
    }

    /** The key field of root {@code fieldName}, or null when it is not a keyed root. */
    String rootKey(String fieldName) {
        return rootKeys.get(fieldName);
    }

    boolean declaresRoot() {
        return fields.values().stream().anyMatch(FieldFacts::durable);
    }

    static ClassFacts read(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Collector c = new Collector();
        reader.accept(c, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFacts(c.name, c.superName, c.durable, c.access, c.fields, c.rootKeys, c.enclosing);
    }

    private static final class Collector extends ClassVisitor {
        String name;
        String superName;
        int access;
        boolean durable;
        final Map<String, FieldFacts> fields = new HashMap<>();
        final Map<String, String> rootKeys = new HashMap<>();
        final Set<String> enclosing = new TreeSet<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            this.superName = superName;
            this.access = access;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (DURABLE.equals(descriptor)) {
                durable = true;
            }
            return null;
        }

        @Override
        public void visitNestHost(String nestHost) {
            enclosing.add(nestHost);
        }

        @Override
        public void visitOuterClass(String owner, String method, String descriptor) {
            enclosing.add(owner);
        }

        @Override
        public void visitInnerClass(String innerName, String outerName, String simpleName, int innerAccess) {
            if (innerName.equals(name) && outerName != null) {
                enclosing.add(outerName);
            }
        }

        @Override
        public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature, Object value) {
            boolean[] marked = {false, false};
            String owner = name;
            fields.put(fieldName + ':' + descriptor, new FieldFacts(owner, fieldName, descriptor, access, false, false, false));
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                    if (DURABLE.equals(desc)) {
                        marked[0] = true;
                        return new AnnotationVisitor(Opcodes.ASM9) {
                            @Override
                            public void visit(String element, Object value) {
                                if ("key".equals(element) && value instanceof String k && !k.isEmpty()) {
                                    rootKeys.put(fieldName, k);
                                }
                            }
                        };
                    } else if (DISTRIBUTED.equals(desc)) {
                        marked[1] = true;
                    }
                    return null;
                }

                @Override
                public void visitEnd() {
                    if (marked[0] || marked[1]) {
                        fields.put(fieldName + ':' + descriptor,
                                new FieldFacts(owner, fieldName, descriptor, access, marked[0], marked[1], false));
                    }
                }
            };
        }
    }
}
