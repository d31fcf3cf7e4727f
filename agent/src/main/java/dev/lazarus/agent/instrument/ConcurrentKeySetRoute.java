package dev.lazarus.agent.instrument;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes the changes made through a {@code ConcurrentHashMap}'s key set to methods a tracked map
 * logs. {@code keySet()} and {@code keySet(default)} must return the JDK's final {@code KeySetView},
 * so the tracked map cannot hand out a view of its own; and two of that view's paths call
 * package-private final methods no subclass sees: its iterator's {@code remove()} (behind
 * {@code removeIf}, {@code retainAll} and {@code removeAll} of a large collection) calls
 * {@code replaceNode(key, null, null)}, and {@code add}/{@code addAll} call
 * {@code putVal(key, default, true)}. At start the agent rewrites those two JDK classes, once, to call
 * the public methods that these calls implement, {@code remove(key)} and {@code putIfAbsent(key, default)},
 * which the tracked map overrides and logs.
 *
 * <p>For a plain {@code ConcurrentHashMap} the code run is the same: {@code remove(k)} is
 * {@code replaceNode(k, null, null)} and {@code putIfAbsent(k, v)} is {@code putVal(k, v, true)}.
 * A subclass that overrides them now also sees these calls, as it already sees {@code keySet().remove(k)}.
 * The calls are matched with their constant arguments; a JDK whose code differs is left alone and
 * the agent says so at start ({@code ConcurrentKeySetRouteTest} fails the build on such a JDK first).
 */
public final class ConcurrentKeySetRoute {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    static final String MAP = "java/util/concurrent/ConcurrentHashMap";
    static final String BASE_ITERATOR = MAP + "$BaseIterator";
    static final String KEY_SET_VIEW = MAP + "$KeySetView";
    private static final String O = "Ljava/lang/Object;";

    /** Each class, the package-private call it makes, how often, and the public call that replaces it. */
    private static final Map<String, Route> ROUTES = Map.of(
            BASE_ITERATOR, new Route("replaceNode", "(" + O + O + O + ")" + O, Opcodes.ACONST_NULL, 2, 1,
                    "remove", "(" + O + ")" + O),
            KEY_SET_VIEW, new Route("putVal", "(" + O + O + "Z)" + O, Opcodes.ICONST_1, 1, 2,
                    "putIfAbsent", "(" + O + O + ")" + O));

    /**
     * {@code from(args..., constant × constants)} is replaced by dropping the constants and calling
     * {@code to(args...)}; {@code count} such calls are expected in the class.
     */
    private record Route(String from, String fromDesc, int constant, int constants, int count, String to, String toDesc) {
    }

    private ConcurrentKeySetRoute() {
    }

    /** Rewrites the two JDK classes in this JVM; on failure, warns naming what stays unlogged. */
    public static void install(Instrumentation inst) {
        String failure;
        try {
            failure = JdkClassRewrite.retransform(inst, ConcurrentKeySetRoute::rewrite,
                    Class.forName(BASE_ITERATOR.replace('/', '.')), ConcurrentHashMap.KeySetView.class);
        } catch (ClassNotFoundException e) {
            failure = e.toString();
        }
        if (failure != null) {
            LOG.log(System.Logger.Level.WARNING, "on Java " + Runtime.version() + " a tracked ConcurrentHashMap's key set"
                    + " cannot be routed (" + failure + "): keySet().iterator().remove(), keySet().removeIf/retainAll and"
                    + " keySet(default).add/addAll are NOT logged. Use map.remove(key), map.entrySet().removeIf(...)"
                    + " and map.putIfAbsent(key, default) instead, or a JDK on which this works (17 to 25 are tested)");
        }
    }

    /**
     * The class file of {@code internalName} with its calls routed, or null when it is not one of the
     * two classes. Throws {@link IllegalStateException} naming the class when the calls are not the
     * expected ones (then nothing is changed).
     */
    static byte[] rewrite(String internalName, byte[] classFile) {
        Route route = ROUTES.get(internalName);
        if (route == null) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        // no branch or local is added and the stack never grows: frames and max stack stay valid
        ClassWriter writer = new ClassWriter(reader, 0);
        int[] routed = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new Router(super.visitMethod(access, name, descriptor, signature, exceptions), route, routed);
            }
        }, 0);
        if (routed[0] != route.count()) {
            throw new IllegalStateException(internalName + " makes " + routed[0] + " call(s) to " + route.from()
                    + " with constant trailing arguments, " + route.count() + " expected");
        }
        return writer.toByteArray();
    }

    /** Replaces each matching call whose trailing arguments were pushed as the expected constants just before it. */
    private static final class Router extends MethodVisitor {
        private final Route route;
        private final int[] routed;
        /** How many of the last instructions pushed the route's constant, in a row. */
        private int constantsInARow;

        Router(MethodVisitor mv, Route route, int[] routed) {
            super(Opcodes.ASM9, mv);
            this.route = route;
            this.routed = routed;
        }

        @Override
        public void visitInsn(int opcode) {
            super.visitInsn(opcode);
            constantsInARow = opcode == route.constant() ? constantsInARow + 1 : 0;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(MAP) && name.equals(route.from())
                    && descriptor.equals(route.fromDesc()) && constantsInARow >= route.constants()) {
                super.visitInsn(route.constants() == 2 ? Opcodes.POP2 : Opcodes.POP);
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, MAP, route.to(), route.toDesc(), false);
                routed[0]++;
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
            constantsInARow = 0;
        }

        // any other instruction, or a label a jump may land on, breaks the run of constants
        @Override public void visitVarInsn(int opcode, int var) { super.visitVarInsn(opcode, var); constantsInARow = 0; }
        @Override public void visitIntInsn(int opcode, int operand) { super.visitIntInsn(opcode, operand); constantsInARow = 0; }
        @Override public void visitLdcInsn(Object value) { super.visitLdcInsn(value); constantsInARow = 0; }
        @Override public void visitTypeInsn(int opcode, String type) { super.visitTypeInsn(opcode, type); constantsInARow = 0; }
        @Override public void visitJumpInsn(int opcode, Label label) { super.visitJumpInsn(opcode, label); constantsInARow = 0; }
        @Override public void visitLabel(Label label) { super.visitLabel(label); constantsInARow = 0; }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            constantsInARow = 0;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
            constantsInARow = 0;
        }
    }

}
