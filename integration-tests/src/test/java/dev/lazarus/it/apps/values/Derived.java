package dev.lazarus.it.apps.values;

import dev.lazarus.Durable;

/** Writes the fields it inherits from a tracked superclass. */
@Durable
public class Derived extends Base {
    long own = 1;

    void bump() {
        baseCount += 10;
        baseName = "from-derived";
        own = 77;
    }
}
