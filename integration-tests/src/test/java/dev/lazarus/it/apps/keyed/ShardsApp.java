package dev.lazarus.it.apps.keyed;

import dev.lazarus.Lazarus;

import java.util.ArrayList;
import java.util.List;

/**
 * Instance roots under kill -9 (KeyedRootsIT).
 *
 * <ul>
 *   <li>{@code shards a,b,c [checkpoint|exit]}: creates a Shard per name in that order, prints
 *   {@code HAS name <describe>} for each as it got it back, then (unless {@code exit}) adds entries
 *   round-robin, printing {@code ACK name count} after each returned, with {@code READY} once every
 *   shard has three; until killed. {@code checkpoint} takes a snapshot after the shards are created.</li>
 *   <li>{@code registry}: a Registry "first", then a second live Registry, whose refusal it prints as
 *   {@code REFUSED message} (or {@code ACCEPTED} if none), then adds to the first's journal as above.</li>
 *   <li>{@code registry-check}: prints {@code HAS first <describe>} of a new Registry and exits.</li>
 * </ul>
 */
public final class ShardsApp {
    private ShardsApp() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "shards": shards(args[1].split(","), args.length > 2 ? args[2] : ""); break;
            case "registry": registry(); break;
            case "registry-check": System.out.println("HAS first " + new Registry("first").journal.describe("first")); break;
            default: throw new IllegalArgumentException(args[0]);
        }
    }

    private static void shards(String[] names, String option) throws Exception {
        List<Shard> shards = new ArrayList<>();
        for (String n : names) {
            Shard s = new Shard(n);
            shards.add(s);
            System.out.println("HAS " + n + " " + s.journal.describe(n));
        }
        if (option.equals("checkpoint")) {
            Lazarus.checkpoint();
            System.out.println("CHECKPOINT");
        }
        if (option.equals("exit")) {
            System.out.println("CHECKED");
            return;
        }
        for (long step = 1; ; step++) {
            for (Shard s : shards) {
                long n = s.journal.add(s.name);
                System.out.println("ACK " + s.name + " " + n);
            }
            if (step == 3) {
                System.out.println("READY");
            }
            Thread.sleep(2);
        }
    }

    private static void registry() throws Exception {
        Registry first = new Registry("first");
        System.out.println("HAS first " + first.journal.describe("first"));
        try {
            Registry second = new Registry("second");
            System.out.println("ACCEPTED " + second.journal.describe("second"));
        } catch (IllegalStateException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
        for (long step = 1; ; step++) {
            System.out.println("ACK first " + first.journal.add("first"));
            if (step == 3) {
                System.out.println("READY");
            }
            Thread.sleep(2);
        }
    }
}
