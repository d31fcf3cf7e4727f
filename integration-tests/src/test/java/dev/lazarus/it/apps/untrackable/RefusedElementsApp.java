package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Offers an untrackable value (a {@code LongAdder}) to each tracked collection by each path that
 * stores one. With strict=true every offer throws and the collection must not hold the value:
 * prints {@code CASE name THROWN ...}, then {@code CONTENT ...} and waits to be killed. Started
 * again, prints {@code RECOVERED ...}: what the log brought back, to compare with memory.
 */
public class RefusedElementsApp {
    @Durable
    static Shelves shelves = new Shelves();

    static LongAdder refused() {
        return new LongAdder();
    }

    public static void main(String[] args) throws Exception {
        Shelves s = shelves;
        if (s.items.contains("x")) {
            System.out.println("RECOVERED " + s.content());
            return;
        }
        s.items.add("x");
        s.byKey.put("f", "plain");
        s.sorted.put("h", "plain");
        s.lru.put("i", "plain");
        UntrackableApp.attempt("list-add", () -> s.items.add(refused()));
        UntrackableApp.attempt("list-add-at", () -> s.items.add(0, refused()));
        UntrackableApp.attempt("list-set", () -> s.items.set(0, refused()));
        UntrackableApp.attempt("list-add-all", () -> s.items.addAll(List.of("y", refused())));
        UntrackableApp.attempt("list-replace-all", () -> s.items.replaceAll(o -> refused()));
        UntrackableApp.attempt("list-iterator-add", () -> s.items.listIterator().add(refused()));
        UntrackableApp.attempt("list-iterator-set", () -> {
            var it = s.items.listIterator();
            it.next();
            it.set(refused());
        });
        UntrackableApp.attempt("sublist-set", () -> s.items.subList(0, 1).set(0, refused()));
        UntrackableApp.attempt("sublist-add", () -> s.items.subList(0, 1).add(refused()));
        UntrackableApp.attempt("linked-add-first", () -> s.linked.addFirst(refused()));
        UntrackableApp.attempt("deque-push", () -> s.deque.push(refused()));
        UntrackableApp.attempt("deque-offer-last", () -> s.deque.offerLast(refused()));
        UntrackableApp.attempt("set-add", () -> s.set.add(refused()));
        UntrackableApp.attempt("map-put", () -> s.byKey.put("a", refused()));
        UntrackableApp.attempt("map-put-if-absent", () -> s.byKey.putIfAbsent("b", refused()));
        UntrackableApp.attempt("map-replace", () -> s.byKey.replace("f", refused()));
        UntrackableApp.attempt("map-compute", () -> s.byKey.compute("c", (k, v) -> refused()));
        UntrackableApp.attempt("map-merge", () -> s.byKey.merge("d", refused(), (x, y) -> y));
        UntrackableApp.attempt("map-replace-all", () -> s.byKey.replaceAll((k, v) -> refused()));
        UntrackableApp.attempt("map-entry-set-value", () -> s.byKey.entrySet().iterator().next().setValue(refused()));
        UntrackableApp.attempt("tree-compute-if-absent", () -> s.sorted.computeIfAbsent("e", k -> refused()));
        UntrackableApp.attempt("tree-compute-if-present", () -> s.sorted.computeIfPresent("h", (k, v) -> refused()));
        UntrackableApp.attempt("tree-submap-put", () -> s.sorted.headMap("z").put("g", refused()));
        UntrackableApp.attempt("lru-put", () -> s.lru.put("g", refused()));
        UntrackableApp.attempt("lru-merge", () -> s.lru.merge("i", "other", (x, y) -> refused()));
        System.out.println("CONTENT " + s.content());
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
