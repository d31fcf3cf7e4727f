package dev.lazarus.it.apps.values;

/** A record of records and an enum. */
public record Line(Point from, Point to, Color color, double weight) {
}
