package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.SequencedMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Java 21+: {@link RefusedElementsApp} for the sequenced methods and views: every offer of a
 * {@code LongAdder} throws (strict) and leaves nothing in memory; {@code CONTENT}, READY, killed,
 * then {@code RECOVERED} on the next start.
 */
public class RefusedSequencedApp {
    @Durable
    static class Seq {
        final LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        final LinkedHashMap<String, Object> lru = new LinkedHashMap<>(16, 0.75f, true);
        final LinkedHashSet<Object> set = new LinkedHashSet<>();
        final ArrayList<Object> list = new ArrayList<>();

        String content() {
            return "map=" + map + " lru=" + lru + " set=" + set + " list=" + list;
        }
    }

    @Durable
    static Seq s = new Seq();

    static LongAdder refused() {
        return new LongAdder();
    }

    public static void main(String[] args) throws Exception {
        if (s.list.contains("x")) {
            System.out.println("RECOVERED " + s.content());
            return;
        }
        s.map.put("a", "plain");
        s.lru.put("b", "plain");
        s.set.add("c");
        s.list.add("x");
        UntrackableApp.attempt("put-first", () -> s.map.putFirst("k", refused()));
        UntrackableApp.attempt("put-last", () -> s.map.putLast("a", refused()));
        UntrackableApp.attempt("reversed-put-first", () -> s.map.reversed().putFirst("k", refused()));
        UntrackableApp.attempt("reversed-replace-all", () -> s.map.reversed().replaceAll((k, v) -> refused()));
        UntrackableApp.attempt("entry-set-value", () -> s.map.sequencedEntrySet().getFirst().setValue(refused()));
        UntrackableApp.attempt("lru-put-first", () -> s.lru.putFirst("k", refused()));
        UntrackableApp.attempt("set-add-first", () -> s.set.addFirst(refused()));
        UntrackableApp.attempt("set-reversed-add-first", () -> s.set.reversed().addFirst(refused()));
        UntrackableApp.attempt("list-add-first", () -> s.list.addFirst(refused()));
        UntrackableApp.attempt("list-reversed-add-first", () -> s.list.reversed().addFirst(refused()));
        SequencedMap<String, Object> rev = s.lru.reversed();
        UntrackableApp.attempt("lru-reversed-put", () -> rev.put("k", refused()));
        System.out.println("CONTENT " + s.content());
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
