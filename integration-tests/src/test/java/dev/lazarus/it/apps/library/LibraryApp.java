package dev.lazarus.it.apps.library;

import dev.lazarus.it.apps.Harness;

import java.time.Clock;
import java.util.List;

/** Holds an {@link Inventory} in a field that only the agent option {@code roots=} makes a root. */
public final class LibraryApp {
    static Inventory inventory = new Inventory("shop", Clock.systemUTC(), () -> { });

    private LibraryApp() {
    }

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                System.out.println("TRANSIENT " + inventory.cacheHits());
                return inventory.describe();
            }

            @Override
            public void build() {
                inventory.stock("apple", 3, 120);
                inventory.stock("pear", 5, 90);
                inventory.stock("apple", 4, 125);
            }

            @Override
            public void more() {
                inventory.stock("fig", 2, 300);
                inventory.open();
                inventory.stock("pear", 1, 95);
            }
        });
    }
}
