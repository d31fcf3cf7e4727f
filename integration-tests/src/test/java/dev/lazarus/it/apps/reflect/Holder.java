package dev.lazarus.it.apps.reflect;

import dev.lazarus.Durable;

/** Private fields of every kind, written only by reflection in the scenario. */
@Durable
public class Holder extends Base {
    private int count;
    private long total;
    private double ratio;
    private float weight;
    private boolean flag;
    private char letter = 'a';
    private short small;
    private byte tiny;
    private String name = "initial";
    private Item item;
    private int[] numbers = {1, 2, 3};
    private transient int scratch;
}
