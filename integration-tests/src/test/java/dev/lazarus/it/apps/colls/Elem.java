package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Show;

/** A tracked element of collections; renders with its value, so later changes to it show. */
@Durable
public class Elem implements Show.Labeled {
    String name;
    int v;

    public Elem() {
    }

    public Elem(String name, int v) {
        this.name = name;
        this.v = v;
    }

    public void set(int v) {
        this.v = v;
    }

    @Override
    public String label() {
        return "Elem(" + name + "=" + v + ")";
    }
}
