package dev.lazarus.agent.boot;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's {@code Main-Class}: the operator's command line ({@code java -jar lazarus-agent.jar
 * status DIR}). It loads the command line through the same {@link IsolatingClassLoader} as the
 * agent, so the tools read the files with the very classes that wrote them. The JDK packages
 * Chronicle needs are opened by the jar's {@code Add-Opens}/{@code Add-Exports} manifest
 * attributes, which {@code java -jar} honours (an agent cannot use them: see {@link Premain}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Premain.quietChronicle();
        int code;
        try {
            ClassLoader isolated = Premain.isolatedLoader();
            Thread.currentThread().setContextClassLoader(isolated);
            Class<?> cli = Class.forName("dev.lazarus.agent.cli.Cli", true, isolated);
            code = (int) cli.getMethod("run", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            System.err.println("lazarus: failed: " + e.getCause());
            code = 4;
        } catch (Exception e) {
            System.err.println("lazarus: the agent jar is incomplete: " + e);
            code = 4;
        }
        System.out.flush();
        System.exit(code);
    }
}
