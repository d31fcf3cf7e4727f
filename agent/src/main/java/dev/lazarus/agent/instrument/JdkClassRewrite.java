package dev.lazarus.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;

/**
 * Rewrites a few JDK classes once, at start (the routes for JDK code: {@link ConcurrentKeySetRoute},
 * {@link ReflectionRoute}): a transformer is added, the classes are retransformed, and the
 * transformer is removed. The caller warns, naming what stays unseen, when this returns why not.
 */
final class JdkClassRewrite {
    /** The class file rewritten, or null when {@code internalName} is not one to rewrite. */
    interface Rewriter {
        byte[] rewrite(String internalName, byte[] classFile);
    }

    private JdkClassRewrite() {
    }

    /** Retransforms {@code classes} through {@code rewriter}: null when done, else why it could not. */
    static String retransform(Instrumentation inst, Rewriter rewriter, Class<?>... classes) {
        if (!inst.isRetransformClassesSupported()) {
            return "this JVM does not let the agent retransform classes";
        }
        Transformer t = new Transformer(rewriter);
        inst.addTransformer(t, true);
        try {
            inst.retransformClasses(classes);
            return t.failure;
        } catch (RuntimeException | LinkageError | UnmodifiableClassException e) {
            return e.toString();
        } finally {
            inst.removeTransformer(t);
        }
    }

    /** Rewrites only what the rewriter recognises, and remembers why it could not. */
    private static final class Transformer implements ClassFileTransformer {
        private final Rewriter rewriter;
        volatile String failure;

        Transformer(Rewriter rewriter) {
            this.rewriter = rewriter;
        }

        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                                ProtectionDomain domain, byte[] classFile) {
            if (className == null) {
                return null;
            }
            try {
                return rewriter.rewrite(className, classFile);
            } catch (RuntimeException e) {
                failure = e.getMessage();
                return null;
            }
        }
    }
}
