package dev.lazarus.it.apps.hostile;

import dev.lazarus.Durable;

/** A tracked item; its name has the length of {@link Gadgt}'s, so a test can swap one for the other in a file. */
@Durable
public class Goods {
    String name;
    long count;

    Goods(String name, long count) {
        this.name = name;
        this.count = count;
    }
}
