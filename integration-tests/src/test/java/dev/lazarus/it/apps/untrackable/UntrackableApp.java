package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * Untrackable mutable state reaching tracked objects. Each case prints
 * {@code CASE name THROWN class: message} or {@code CASE name NO-EXCEPTION}; then the app goes on
 * ({@code AFTER}) and exits.
 */
public class UntrackableApp {
    @Durable
    static Holder holder = new Holder();

    interface Case {
        void run() throws Exception;
    }

    static void attempt(String name, Case c) {
        try {
            c.run();
            System.out.println("CASE " + name + " NO-EXCEPTION");
        } catch (Throwable t) {
            System.out.println("CASE " + name + " THROWN " + t.getClass().getName() + ": "
                    + String.valueOf(t.getMessage()).replace('\n', ' '));
        }
    }

    public static void main(String[] args) {
        System.out.println("MAIN RAN");
        Holder h = holder;
        attempt("longadder-field-write", () -> h.text = new java.util.concurrent.atomic.LongAdder());
        attempt("longadder-field-write-inside", h::counterInside);
        attempt("longadder-attach", () -> h.carrier = new Carrier());
        attempt("stringbuilder-in-collection", () -> h.items.add(new StringBuilder("abc")));
        attempt("hashmap-created-outside", () -> h.map = new HashMap<>());
        attempt("arraylist-created-outside-in-collection", () -> h.items.add(new ArrayList<>()));
        attempt("subclass-not-tracked", () -> h.map = new PlainLru());
        // a refused write leaves the field as it was: memory holds nothing the log did not get
        System.out.println("MEMORY text=" + h.text + " counter=" + h.counter + " map=" + h.map + " carrier=" + h.carrier);
        h.plain = 42;
        h.name = "still working";
        System.out.println("AFTER plain=" + h.plain + " name=" + h.name);
        System.out.flush();
    }
}
