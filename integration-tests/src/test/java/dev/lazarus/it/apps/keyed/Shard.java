package dev.lazarus.it.apps.keyed;

import dev.lazarus.Durable;

/** Several live instances, each with its own durable journal: the root is keyed by the name. */
public class Shard {
    final String name;

    @Durable(key = "name")
    final Journal journal;

    Shard(String name) {
        this.name = name; // the key is assigned before the root
        this.journal = new Journal();
    }
}
