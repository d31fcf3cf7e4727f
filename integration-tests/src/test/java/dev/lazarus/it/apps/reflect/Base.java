package dev.lazarus.it.apps.reflect;

import dev.lazarus.Durable;

/** A tracked superclass: its field is written by reflection through a subclass instance. */
@Durable
public class Base {
    protected long inherited;
}
