package dev.lazarus.it.torture.app;

import dev.lazarus.Durable;

/** One thread's progress: the number of its last transfer, written in the same transaction. */
@Durable
public class Teller {
    int id;
    long seq;

    public Teller() {
    }

    Teller(int id) {
        this.id = id;
    }
}
