package dev.lazarus.it.apps.snap;

import dev.lazarus.Durable;

/** A small tracked object; snapshot tests hold hundreds of thousands of them. */
@Durable
public class Item {
    int id;
    long value;
    String tag;

    public Item() {
    }

    Item(int id, long value, String tag) {
        this.id = id;
        this.value = value;
        this.tag = tag;
    }
}
