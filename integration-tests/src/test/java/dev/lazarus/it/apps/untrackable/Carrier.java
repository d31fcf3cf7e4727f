package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

import java.util.concurrent.atomic.AtomicLong;

/** Holds untrackable mutable state from its constructor on: attaching it must be refused. */
@Durable
public class Carrier {
    String name = "carrier";
    AtomicLong counter = new AtomicLong(5);
}
