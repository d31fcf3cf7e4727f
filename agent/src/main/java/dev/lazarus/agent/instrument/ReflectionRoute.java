package dev.lazarus.agent.instrument;

import dev.lazarus.internal.engine.ReflectiveWrites;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Lets {@link ReflectiveWrites} see the writes to tracked fields that bytecode rewriting cannot: the
 * agent rewrites, once at start, the JDK methods through which code writes a field without naming
 * it. {@code Field.set*} calls the hook after the JDK wrote (its checks and conversions unchanged);
 * the methods that make a handle which writes a field later ({@code findVarHandle},
 * {@code findSetter}, {@code unreflectSetter}, {@code unreflectVarHandle}, the three atomic field
 * updaters' {@code newUpdater}, {@code sun.misc.Unsafe.objectFieldOffset}) call it first, so a
 * handle on a tracked field is refused when it is made.
 *
 * <p>The JDK code cannot see Lazarus's class loader, so the hook is a small class defined in
 * {@code java.lang.reflect} itself ({@value #HOOK}), holding JDK functional interfaces that the
 * agent fills in. Its {@code written} drops the calls made by Lazarus's own classes (recovery sets
 * fields by reflection), which {@code Reflection.getCallerClass()} names for free in these
 * caller-sensitive methods.
 */
public final class ReflectionRoute {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    static final String HOOK = "java/lang/reflect/LazarusReflectionHook";
    private static final String FIELD = "java/lang/reflect/Field";
    private static final String CLASS = "Ljava/lang/Class;";
    private static final String STRING = "Ljava/lang/String;";

    /** How a rewritten method passes its arguments to the hook. */
    private enum Inject {
        /** Before each return: {@code written(this, arg1, Reflection.getCallerClass())}. */
        AFTER_SET,
        /** First: {@code handle(arg1, arg2, via)} (an instance method taking a class and a field name). */
        CLASS_AND_NAME,
        /** First: {@code handleField(arg1, via)} (an instance method taking a {@code Field}). */
        FIELD_ARG,
        /** First: {@code handle(arg0, arg1, via)} (a static method taking a class and a field name). */
        STATIC_CLASS_AND_NAME,
        /** First: {@code handle(arg0, arg2, via)} ({@code AtomicReferenceFieldUpdater.newUpdater}). */
        STATIC_CLASS_TYPE_NAME
    }

    private record Target(String method, String descriptorStart, Inject inject, String via) {
    }

    private static final Map<String, List<Target>> TARGETS = targets();

    private static Map<String, List<Target>> targets() {
        Map<String, List<Target>> t = new HashMap<>();
        List<Target> field = new ArrayList<>();
        for (String m : new String[] {"set", "setBoolean", "setByte", "setChar", "setShort", "setInt", "setLong", "setFloat",
                "setDouble"}) {
            field.add(new Target(m, "(Ljava/lang/Object;", Inject.AFTER_SET, null));
        }
        t.put(FIELD, field);
        String args = "(" + CLASS + STRING + CLASS + ")";
        t.put("java/lang/invoke/MethodHandles$Lookup", List.of(
                new Target("findVarHandle", args, Inject.CLASS_AND_NAME, "a VarHandle (MethodHandles.Lookup.findVarHandle)"),
                new Target("findSetter", args, Inject.CLASS_AND_NAME, "a MethodHandle (MethodHandles.Lookup.findSetter)"),
                new Target("unreflectSetter", "(Ljava/lang/reflect/Field;)", Inject.FIELD_ARG,
                        "a MethodHandle (MethodHandles.Lookup.unreflectSetter)"),
                new Target("unreflectVarHandle", "(Ljava/lang/reflect/Field;)", Inject.FIELD_ARG,
                        "a VarHandle (MethodHandles.Lookup.unreflectVarHandle)")));
        for (String updater : new String[] {"AtomicIntegerFieldUpdater", "AtomicLongFieldUpdater"}) {
            t.put("java/util/concurrent/atomic/" + updater, List.of(new Target("newUpdater", "(" + CLASS + STRING + ")",
                    Inject.STATIC_CLASS_AND_NAME, "an " + updater)));
        }
        t.put("java/util/concurrent/atomic/AtomicReferenceFieldUpdater", List.of(new Target("newUpdater",
                "(" + CLASS + CLASS + STRING + ")", Inject.STATIC_CLASS_TYPE_NAME, "an AtomicReferenceFieldUpdater")));
        t.put("sun/misc/Unsafe", List.of(new Target("objectFieldOffset", "(Ljava/lang/reflect/Field;)", Inject.FIELD_ARG,
                "sun.misc.Unsafe (objectFieldOffset)")));
        return t;
    }

    private ReflectionRoute() {
    }

    /** Defines the hook, fills it in and rewrites the JDK methods; on failure, warns naming what stays unseen. */
    public static void install(Instrumentation inst, ClassLoader ownLoader) {
        String failure = tryInstall(inst, ownLoader);
        if (failure != null) {
            LOG.log(System.Logger.Level.WARNING, "on Java " + Runtime.version() + " writes by reflection cannot be routed ("
                    + failure + "): Field.set on a tracked field is NOT logged, and VarHandles, setter MethodHandles,"
                    + " atomic field updaters and Unsafe offsets on tracked fields are not refused. Write tracked fields in"
                    + " code, or use a JDK on which this works (17 to 25 are tested)");
        }
    }

    private static String tryInstall(Instrumentation inst, ClassLoader ownLoader) {
        if (!inst.isRetransformClassesSupported()) {
            return "this JVM does not let the agent retransform classes";
        }
        try {
            Class<?> hook = MethodHandles.privateLookupIn(Field.class, MethodHandles.lookup()).defineClass(hookClass());
            hook.getField("OWN").set(null, ownLoader);
            hook.getField("WRITTEN").set(null, (BiConsumer<Field, Object>) ReflectiveWrites::written);
            hook.getField("HANDLES").set(null, (Consumer<Object[]>) a ->
                    ReflectiveWrites.handleMade((Class<?>) a[0], (String) a[1], (String) a[2]));
            List<Class<?>> classes = new ArrayList<>();
            for (String name : TARGETS.keySet()) {
                classes.add(Class.forName(name.replace('/', '.'), false, null));
            }
            return JdkClassRewrite.retransform(inst, ReflectionRoute::rewrite, classes.toArray(new Class<?>[0]));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return e.toString();
        }
    }

    /**
     * The class file of {@code internalName} with the hook calls added, or null when it is not a
     * target. Throws {@link IllegalStateException} naming the methods not found (nothing is changed).
     */
    static byte[] rewrite(String internalName, byte[] classFile) {
        List<Target> targets = TARGETS.get(internalName);
        if (targets == null) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        // no branch is added: frames stay valid; the hook calls need a few more stack slots
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        List<Target> missing = new ArrayList<>(targets);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                for (Target target : targets) {
                    if (name.equals(target.method()) && descriptor.startsWith(target.descriptorStart())
                            && (access & Opcodes.ACC_ABSTRACT) == 0 && missing.remove(target)) {
                        return new HookCall(mv, target);
                    }
                }
                return mv;
            }
        }, 0);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(internalName + " has no method " + missing.get(0).method()
                    + missing.get(0).descriptorStart() + "...");
        }
        return writer.toByteArray();
    }

    private static final class HookCall extends MethodVisitor {
        private final Target target;

        HookCall(MethodVisitor mv, Target target) {
            super(Opcodes.ASM9, mv);
            this.target = target;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            switch (target.inject()) {
                case CLASS_AND_NAME -> handle(1, 2);
                case STATIC_CLASS_AND_NAME -> handle(0, 1);
                case STATIC_CLASS_TYPE_NAME -> handle(0, 2);
                case FIELD_ARG -> {
                    super.visitVarInsn(Opcodes.ALOAD, 1);
                    super.visitLdcInsn(target.via());
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "handleField",
                            "(L" + FIELD + ";" + STRING + ")V", false);
                }
                default -> {
                }
            }
        }

        private void handle(int classArg, int nameArg) {
            super.visitVarInsn(Opcodes.ALOAD, classArg);
            super.visitVarInsn(Opcodes.ALOAD, nameArg);
            super.visitLdcInsn(target.via());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "handle", "(" + CLASS + STRING + STRING + ")V", false);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN && target.inject() == Inject.AFTER_SET) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, 1);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "jdk/internal/reflect/Reflection", "getCallerClass",
                        "()" + CLASS, false);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "written",
                        "(L" + FIELD + ";Ljava/lang/Object;" + CLASS + ")V", false);
            }
            super.visitInsn(opcode);
        }
    }

    /**
     * The hook class. Version 50 class files need no stack map frames, so its few branches are written
     * without computing them:
     * <pre>
     * public final class LazarusReflectionHook {
     *     public static volatile ClassLoader OWN;
     *     public static volatile BiConsumer WRITTEN;   // (Field, target)
     *     public static volatile Consumer HANDLES;     // {class, field name, via}
     *     public static void written(Field f, Object target, Class caller) {
     *         BiConsumer w = WRITTEN;
     *         if (w != null &amp;&amp; (caller == null || caller.getClassLoader() != OWN)) w.accept(f, target);
     *     }
     *     public static void handle(Class c, String name, String via) {
     *         Consumer h = HANDLES;
     *         if (h != null &amp;&amp; c != null &amp;&amp; name != null) h.accept(new Object[] {c, name, via});
     *     }
     *     public static void handleField(Field f, String via) {
     *         if (f != null) handle(f.getDeclaringClass(), f.getName(), via);
     *     }
     * }
     * </pre>
     */
    /** {@code local3 = HOOK.field; if (local3 == null) goto exit} (the agent has not filled it in yet). */
    private static void loadInto3OrReturn(MethodVisitor mv, String field, String type, Label exit) {
        mv.visitFieldInsn(Opcodes.GETSTATIC, HOOK, field, type);
        mv.visitVarInsn(Opcodes.ASTORE, 3);
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        mv.visitJumpInsn(Opcodes.IFNULL, exit);
    }

    static byte[] hookClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_6, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, HOOK, null, "java/lang/Object", null);
        int field = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE;
        cw.visitField(field, "OWN", "Ljava/lang/ClassLoader;", null, null).visitEnd();
        cw.visitField(field, "WRITTEN", "Ljava/util/function/BiConsumer;", null, null).visitEnd();
        cw.visitField(field, "HANDLES", "Ljava/util/function/Consumer;", null, null).visitEnd();
        int method = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;

        MethodVisitor mv = cw.visitMethod(method, "written", "(L" + FIELD + ";Ljava/lang/Object;" + CLASS + ")V", null, null);
        mv.visitCode();
        Label done = new Label();
        Label call = new Label();
        loadInto3OrReturn(mv, "WRITTEN", "Ljava/util/function/BiConsumer;", done);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitJumpInsn(Opcodes.IFNULL, call);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getClassLoader", "()Ljava/lang/ClassLoader;", false);
        mv.visitFieldInsn(Opcodes.GETSTATIC, HOOK, "OWN", "Ljava/lang/ClassLoader;");
        mv.visitJumpInsn(Opcodes.IF_ACMPEQ, done);
        mv.visitLabel(call);
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/BiConsumer", "accept",
                "(Ljava/lang/Object;Ljava/lang/Object;)V", true);
        mv.visitLabel(done);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(method, "handle", "(" + CLASS + STRING + STRING + ")V", null, null);
        mv.visitCode();
        Label skip = new Label();
        loadInto3OrReturn(mv, "HANDLES", "Ljava/util/function/Consumer;", skip);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitJumpInsn(Opcodes.IFNULL, skip);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitJumpInsn(Opcodes.IFNULL, skip);
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        mv.visitInsn(Opcodes.ICONST_3);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < 3; i++) {
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.ICONST_0 + i);
            mv.visitVarInsn(Opcodes.ALOAD, i);
            mv.visitInsn(Opcodes.AASTORE);
        }
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/Consumer", "accept", "(Ljava/lang/Object;)V", true);
        mv.visitLabel(skip);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(method, "handleField", "(L" + FIELD + ";" + STRING + ")V", null, null);
        mv.visitCode();
        Label none = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitJumpInsn(Opcodes.IFNULL, none);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, FIELD, "getDeclaringClass", "()" + CLASS, false);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, FIELD, "getName", "()" + STRING, false);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "handle", "(" + CLASS + STRING + STRING + ")V", false);
        mv.visitLabel(none);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

}
