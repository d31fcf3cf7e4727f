package dev.lazarus.it.apps.values;

import dev.lazarus.Durable;

@Durable
public class Base {
    protected int baseCount = 1;
    protected String baseName = "init";
}
