package dev.lazarus.it.apps;

import dev.lazarus.Lazarus;

import java.util.List;

/**
 * The protocol every capture app follows, so that the tests can drive them alike.
 *
 * <ul>
 *   <li>{@code build}: prints the freshly constructed state ({@code FRESH ...} lines), makes the
 *   scenario's mutations, prints the state ({@code STATE ...} lines), then {@code READY}, and
 *   waits to be killed.</li>
 *   <li>{@code continue}: prints the recovered state ({@code STATE ...}), makes more mutations on
 *   it, prints {@code STATE2 ...} lines, then {@code READY}, and waits to be killed.</li>
 *   <li>{@code check}: prints the recovered state ({@code STATE ...}), then {@code CHECKED}, and
 *   exits.</li>
 * </ul>
 * Every line is printed only after the mutations it reports have returned.
 */
public final class Harness {
    private Harness() {
    }

    public interface Scenario {
        /** The state, rendered exactly (see {@link Show}), one entry per line. */
        List<String> state();

        void build() throws Exception;

        /** More mutations, on the recovered state. */
        default void more() throws Exception {
        }
    }

    public static void run(String[] args, Scenario scenario) throws Exception {
        String mode = args.length > 0 ? args[0] : "build";
        System.out.println("MAIN " + mode + " agent=" + Lazarus.isActive());
        switch (mode) {
            case "build":
                emit("FRESH", scenario.state());
                scenario.build();
                emit("STATE", scenario.state());
                ready();
                break;
            case "continue":
                emit("STATE", scenario.state());
                scenario.more();
                emit("STATE2", scenario.state());
                ready();
                break;
            case "check":
                emit("STATE", scenario.state());
                System.out.println("CHECKED");
                System.out.flush();
                System.exit(0);
                break;
            case "selftest": // both phases in one JVM, without a crash: to try a scenario out
                scenario.build();
                emit("STATE", scenario.state());
                scenario.more();
                emit("STATE2", scenario.state());
                break;
            default:
                throw new IllegalArgumentException("mode " + mode);
        }
    }

    public static void emit(String prefix, List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(prefix).append(' ').append(l).append('\n');
        }
        System.out.print(b);
        System.out.flush();
    }

    /** Prints READY and blocks until killed. */
    public static void ready() throws InterruptedException {
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
