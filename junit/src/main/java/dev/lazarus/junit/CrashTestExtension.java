package dev.lazarus.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Runs a {@link CrashTest}: one invocation per crash, in order, all sharing one {@link CrashSession}
 * (kept in the template's store, so the last JVM is killed even if the run is aborted).
 */
final class CrashTestExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CrashTestExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, CrashTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        CrashTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), CrashTest.class).orElseThrow();
        CrashSession session = CrashTester.from(annotation).session();
        context.getStore(NAMESPACE).put(context.getUniqueId(), session);
        return IntStream.rangeClosed(1, session.cycles()).mapToObj(i -> new Invocation(session, i));
    }

    /** One crash: its name, and the extension that makes it happen before the invariant runs. */
    private record Invocation(CrashSession session, int cycle) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return session.displayName(cycle);
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Crash(session, cycle));
        }
    }

    /** Kills and restarts before the invariant, hands it the cycle, and explains its failure. */
    private static final class Crash implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler,
            AfterEachCallback {
        private final CrashSession session;
        private final int number;
        private CrashCycle cycle;

        Crash(CrashSession session, int number) {
            this.session = session;
            this.number = number;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            cycle = session.next();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == CrashCycle.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return cycle;
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable throwable) {
            throw session.failure(cycle, throwable);
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            if (number == session.cycles()) {
                session.close();
            }
        }
    }
}
