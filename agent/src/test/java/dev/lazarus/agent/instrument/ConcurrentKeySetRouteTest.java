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
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The running JDK's key-set classes have exactly the calls the route expects, and after the rewrite
 * they call the public methods a tracked map logs. CI runs this on Java 17 and 25: a JDK that
 * changes these classes fails here before a user's key-set changes go unlogged.
 */
class ConcurrentKeySetRouteTest {

    @Test
    void theIteratorsRemoveCallsTheMapsRemove() throws IOException {
        byte[] original = jdkClass(ConcurrentKeySetRoute.BASE_ITERATOR);
        assertThat(callsIn(original, "remove")).contains("replaceNode").doesNotContain("remove");

        byte[] routed = ConcurrentKeySetRoute.rewrite(ConcurrentKeySetRoute.BASE_ITERATOR, original);

        assertThat(callsIn(routed, "remove")).contains("remove").doesNotContain("replaceNode");
    }

    @Test
    void addAndAddAllCallPutIfAbsent() throws IOException {
        byte[] original = jdkClass(ConcurrentKeySetRoute.KEY_SET_VIEW);
        byte[] routed = ConcurrentKeySetRoute.rewrite(ConcurrentKeySetRoute.KEY_SET_VIEW, original);

        for (String method : List.of("add", "addAll")) {
            assertThat(callsIn(original, method)).as(method).contains("putVal");
            assertThat(callsIn(routed, method)).as(method).contains("putIfAbsent").doesNotContain("putVal");
        }
        // remove(o) already calls the map's remove: untouched
        assertThat(callsIn(routed, "remove")).isEqualTo(callsIn(original, "remove"));
    }

    @Test
    void aClassWithoutTheExpectedCallsIsRefusedNamingIt() throws IOException {
        byte[] iterator = jdkClass(ConcurrentKeySetRoute.BASE_ITERATOR);

        assertThatThrownBy(() -> ConcurrentKeySetRoute.rewrite(ConcurrentKeySetRoute.KEY_SET_VIEW, iterator))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KeySetView makes 0 call(s) to putVal");
    }

    @Test
    void otherClassesAreNotTouched() throws IOException {
        assertThat(ConcurrentKeySetRoute.rewrite("java/util/concurrent/ConcurrentHashMap",
                jdkClass("java/util/concurrent/ConcurrentHashMap"))).isNull();
    }

    private static byte[] jdkClass(String internalName) throws IOException {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        try (InputStream in = ConcurrentHashMap.class.getResourceAsStream(simple + ".class")) {
            assertThat(in).as(internalName).isNotNull();
            return in.readAllBytes();
        }
    }

    /** The names of the ConcurrentHashMap methods that {@code method} (any descriptor) calls. */
    private static List<String> callsIn(byte[] classFile, String method) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (!name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String callee, String desc, boolean itf) {
                        if (owner.equals(ConcurrentKeySetRoute.MAP)) {
                            calls.add(callee);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }
}
