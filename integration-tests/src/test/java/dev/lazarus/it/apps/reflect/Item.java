package dev.lazarus.it.apps.reflect;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Show;

@Durable
public class Item implements Show.Labeled {
    String name;
    int qty;

    public Item() {
    }

    public Item(String name, int qty) {
        this.name = name;
        this.qty = qty;
    }

    @Override
    public String label() {
        return "Item(" + name + "=" + qty + ")";
    }
}
