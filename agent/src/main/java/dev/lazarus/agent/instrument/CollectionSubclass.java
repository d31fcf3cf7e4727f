package dev.lazarus.agent.instrument;

import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.hook.Restoring;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A tracked class that extends a JDK collection (an LRU {@code LinkedHashMap} with
 * {@code removeEldestEntry}, a {@code TreeMap} with fields of its own): it is rewritten to extend
 * the tracked replacement ({@code TrackedCollections.trackedNameFor}), so every change made through
 * it, evictions and {@code super.put(...)} included, is logged like a tracked collection's; its own
 * fields get setters like any tracked class's. It also gets a constructor for recovery that runs
 * none of the application's code: recovery then restores its fields from the log.
 */
final class CollectionSubclass {
    private final String writtenSuper;
    private final String newSuper;
    private final String jdkBase;

    private CollectionSubclass(String writtenSuper, String newSuper, String jdkBase) {
        this.writtenSuper = writtenSuper;
        this.newSuper = newSuper;
        this.jdkBase = jdkBase;
    }

    /** The rewrite of {@code self}, or null when it is not a tracked subclass of a JDK collection. */
    static CollectionSubclass of(TypeInfo types, ClassFacts self) {
        String base = types.jdkCollectionBase(self.name);
        if (base == null) {
            return null;
        }
        String sup = self.superName;
        return new CollectionSubclass(sup, TypeInfo.isPlatform(sup) ? TrackedCollections.trackedNameFor(sup) : sup, base);
    }

    String newSuper() {
        return newSuper;
    }

    /** {@code super(...)} and {@code super.m(...)} go to the replacement, whose overrides log. */
    String superCallOwner(String owner) {
        return owner.equals(writtenSuper) ? newSuper : owner;
    }

    /** The {@code removeEldestEntry} override of a {@code LinkedHashMap} subclass. */
    static boolean isEvictionPolicy(int access, String name, String descriptor) {
        return name.equals("removeEldestEntry") && descriptor.equals("(Ljava/util/Map$Entry;)Z")
                && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) == 0;
    }

    /**
     * Prefixes the method with {@code if (Recovering.onThisThread()) return false;}: at replay the log's own
     * removals decide what is evicted, not the policy run again on recovered state.
     */
    static MethodVisitor noEvictionOnReplay(MethodVisitor mv) {
        return new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public void visitCode() {
                super.visitCode();
                Label policy = new Label();
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/lazarus/internal/hook/Recovering", "onThisThread", "()Z", false);
                super.visitJumpInsn(Opcodes.IFEQ, policy);
                super.visitInsn(Opcodes.ICONST_0);
                super.visitInsn(Opcodes.IRETURN);
                super.visitLabel(policy);
                super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            }
        };
    }

    /**
     * {@code public synthetic <init>(Restoring, boolean accessOrder, Comparator c)}: calls the same
     * constructor of a tracked superclass, or the replacement's constructor that gives the JDK
     * collection its access order or comparator. Field initialisers do not run: the log has the fields.
     */
    void addRecoveryConstructor(ClassVisitor cv, String self) {
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, "<init>", Restoring.CONSTRUCTOR,
                null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        if (!newSuper.equals(TrackedCollections.trackedNameFor(writtenSuper))) {
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitVarInsn(Opcodes.ILOAD, 2);
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, newSuper, "<init>", Restoring.CONSTRUCTOR, false);
        } else if (jdkBase.equals("java/util/LinkedHashMap")) {
            mv.visitIntInsn(Opcodes.BIPUSH, 16);
            mv.visitLdcInsn(0.75f);
            mv.visitVarInsn(Opcodes.ILOAD, 2);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, newSuper, "<init>", "(IFZ)V", false);
        } else if (jdkBase.equals("java/util/TreeMap") || jdkBase.equals("java/util/TreeSet")) {
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, newSuper, "<init>", "(Ljava/util/Comparator;)V", false);
        } else {
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, newSuper, "<init>", "()V", false);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(4, 4);
        mv.visitEnd();
    }
}
