package dev.lazarus.it.apps.keyed;

import dev.lazarus.Durable;

/** An unkeyed instance root: one live instance at a time. */
public class Registry {
    @Durable
    final Journal journal;

    Registry(String label) {
        Journal j = new Journal();
        j.add(label); // what a second instance would bring: it must never reach the log
        this.journal = j;
    }
}
