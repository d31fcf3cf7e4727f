package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

import java.util.concurrent.atomic.LongAdder;

/** Holds untrackable mutable state from its constructor on: attaching it must be refused. */
@Durable
public class Carrier {
    String name = "carrier";
    LongAdder counter = new LongAdder();
}
