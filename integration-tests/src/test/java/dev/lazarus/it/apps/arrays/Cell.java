package dev.lazarus.it.apps.arrays;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Show;

@Durable
public class Cell implements Show.Labeled {
    String name;
    int v;

    public Cell() {
    }

    public Cell(String name, int v) {
        this.name = name;
        this.v = v;
    }

    @Override
    public String label() {
        return "Cell(" + name + "=" + v + ")";
    }
}
