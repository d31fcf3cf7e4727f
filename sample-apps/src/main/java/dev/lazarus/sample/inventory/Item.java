package dev.lazarus.sample.inventory;

/** One line of stock: an immutable value, so it can travel between the members of the cluster. */
public record Item(String name, int quantity) {
    Item restocked(int units) {
        return new Item(name, quantity + units);
    }
}
