package dev.lazarus.junit;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A crash test: the annotated method is the invariant, called once per crash with a
 * {@link CrashCycle} parameter, each call reported as its own test ("crash 2 of 5: kill -9 after
 * 1234 ms"). The application runs under the Lazarus agent in a child JVM; before each call it is
 * killed with {@code kill -9} and started again on the same data directory.
 *
 * <pre>{@code
 * @CrashTest(main = BankApp.class, args = {"--accounts", "50"}, options = "sync=always", cycles = 5)
 * void moneyIsConserved(CrashCycle cycle) throws Exception {
 *     assertThat(cycle.awaitLine("STATE .*")).contains("money conserved");
 * }
 * }</pre>
 *
 * The agent jar comes from the system property {@code lazarus.agent.jar}, else from the
 * {@code dev.lazarus:lazarus-agent} jar on the test class path. {@link CrashTester} does the same
 * from code.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(CrashTestExtension.class)
public @interface CrashTest {
    /** The application's main class; it must be on the test class path. */
    Class<?> main();

    /** The application's arguments, the same for every run. */
    String[] args() default {};

    /** Agent options, as after {@code -javaagent:lazarus-agent.jar=}, except {@code dir}. */
    String options() default "";

    /** Options of the child JVM itself. */
    String[] jvmArgs() default {};

    /** How many times to kill and restart. */
    int cycles() default 5;

    /** The earliest moment to kill each run, in milliseconds from its start. */
    long killAfterMinMillis() default 500;

    /** The latest moment to kill each run, in milliseconds from its start (the moment is drawn in between). */
    long killAfterMaxMillis() default 3000;

    /** How long {@link CrashCycle#awaitLine} waits, in seconds. */
    long timeoutSeconds() default 60;

    /** The seed of the kill moments, to replay a failure; 0 draws a new one, named in failures. */
    long seed() default 0;
}
