package dev.lazarus.it.apps.cluster;

import dev.lazarus.Distributed;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.HashMap;
import java.util.Map;

/**
 * A cluster member driven by commands on standard input, one per line:
 * <ul>
 *   <li>{@code put FROM TO}: puts keys {@code kFROM..kTO-1} (value {@code vI}) one after the other,
 *   printing {@code ACK kI} after each put returned and {@code FAIL kI ...} after each that threw,
 *   then {@code PUT_DONE acked failed};</li>
 *   <li>{@code check FROM TO}: reads those keys, printing {@code MISSING kI got} for each that does
 *   not hold {@code vI}, then {@code CHECKED missing};</li>
 *   <li>{@code remove FROM TO}: removes those keys, then {@code REMOVED n};</li>
 *   <li>{@code size}: prints {@code SIZE n}.</li>
 * </ul>
 * Commands run on their own threads, so a check can run while a put is going.
 */
public final class Member {
    @Distributed
    static Map<String, String> store = new HashMap<>();

    private Member() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("READY " + store.getClass().getSimpleName());
        System.out.println("JGROUPS " + (visible("org.jgroups.JChannel") ? "visible" : "hidden"));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            String[] c = line.trim().split(" ");
            Thread t = new Thread(() -> {
                try {
                    run(c);
                } catch (RuntimeException e) {
                    System.out.println("ERROR " + c[0] + " " + e); // ends the test's wait at once
                    e.printStackTrace();
                }
            }, "command-" + c[0]);
            t.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Whether the application's class loader sees a class (the agent's libraries must stay invisible). */
    private static boolean visible(String name) {
        try {
            Class.forName(name, false, Member.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void run(String[] c) {
        switch (c[0]) {
            case "put": {
                int acked = 0;
                int failed = 0;
                for (int i = Integer.parseInt(c[1]); i < Integer.parseInt(c[2]); i++) {
                    try {
                        store.put("k" + i, "v" + i);
                        System.out.println("ACK k" + i);
                        acked++;
                    } catch (RuntimeException e) {
                        System.out.println("FAIL k" + i + " " + e.getMessage());
                        failed++;
                    }
                }
                System.out.println("PUT_DONE " + acked + " " + failed);
                break;
            }
            case "check": {
                int missing = 0;
                for (int i = Integer.parseInt(c[1]); i < Integer.parseInt(c[2]); i++) {
                    String v = store.get("k" + i);
                    if (!("v" + i).equals(v)) {
                        System.out.println("MISSING k" + i + " " + v);
                        missing++;
                    }
                }
                System.out.println("CHECKED " + missing);
                break;
            }
            case "remove": {
                int n = 0;
                for (int i = Integer.parseInt(c[1]); i < Integer.parseInt(c[2]); i++) {
                    if (store.remove("k" + i) != null) {
                        n++;
                    }
                }
                System.out.println("REMOVED " + n);
                break;
            }
            case "size":
                System.out.println("SIZE " + store.size());
                break;
            default:
                System.out.println("UNKNOWN " + c[0]);
        }
        System.out.flush();
    }
}
