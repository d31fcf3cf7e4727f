package dev.lazarus.agent.instrument;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The running JDK's reflection classes have every method the route hooks, and after the rewrite each
 * calls the hook: the setters of {@code Field} before each return, the handle makers first. CI runs
 * this on Java 17 and 25: a JDK that renames one fails here before a write by reflection goes unlogged.
 */
class ReflectionRouteTest {

    @Test
    void everyFieldSetterCallsTheHookBeforeEachReturn() throws IOException {
        Map<String, List<String>> calls = hookCalls("java/lang/reflect/Field");
        for (String m : List.of("set", "setBoolean", "setByte", "setChar", "setShort", "setInt", "setLong", "setFloat",
                "setDouble")) {
            assertThat(calls.get(m)).as(m).isNotEmpty().allMatch(c -> c.equals("written"));
        }
        assertThat(calls).as("getters are not touched").doesNotContainKeys("get", "getInt", "getLong");
    }

    @Test
    void everyHandleMakerCallsTheHookFirst() throws IOException {
        assertThat(hookCalls("java/lang/invoke/MethodHandles$Lookup")).containsOnlyKeys("findVarHandle", "findSetter",
                "unreflectSetter", "unreflectVarHandle");
        for (String updater : List.of("AtomicIntegerFieldUpdater", "AtomicLongFieldUpdater", "AtomicReferenceFieldUpdater")) {
            assertThat(hookCalls("java/util/concurrent/atomic/" + updater)).as(updater).containsOnlyKeys("newUpdater");
        }
        assertThat(hookCalls("sun/misc/Unsafe")).containsOnlyKeys("objectFieldOffset");
    }

    @Test
    void aClassWithoutTheMethodsIsRefusedNamingThem() throws IOException {
        byte[] other = jdkClass("java/lang/reflect/Method");

        assertThatThrownBy(() -> ReflectionRoute.rewrite("java/lang/reflect/Field", other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java/lang/reflect/Field has no method set");
    }

    @Test
    void theHookClassHasTheEntryPointsTheRewrittenMethodsCall() {
        List<String> methods = new ArrayList<>();
        new ClassReader(ReflectionRoute.hookClass()).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                methods.add(name + descriptor);
                return null;
            }
        }, 0);
        assertThat(methods).containsExactlyInAnyOrder(
                "written(Ljava/lang/reflect/Field;Ljava/lang/Object;Ljava/lang/Class;)V",
                "handle(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/String;)V",
                "handleField(Ljava/lang/reflect/Field;Ljava/lang/String;)V");
    }

    @Test
    void otherClassesAreNotTouched() throws IOException {
        assertThat(ReflectionRoute.rewrite("java/lang/reflect/Method", jdkClass("java/lang/reflect/Method"))).isNull();
    }

    /** Per method of the rewritten class, the hook methods it calls. */
    private static Map<String, List<String>> hookCalls(String internalName) throws IOException {
        byte[] routed = ReflectionRoute.rewrite(internalName, jdkClass(internalName));
        assertThat(routed).as(internalName).isNotNull();
        Map<String, List<String>> calls = new TreeMap<>();
        new ClassReader(routed).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals(ReflectionRoute.HOOK)) {
                            calls.computeIfAbsent(name, k -> new ArrayList<>()).add(method);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    private static byte[] jdkClass(String internalName) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            assertThat(in).as(internalName).isNotNull();
            return in.readAllBytes();
        }
    }
}
