package dev.lazarus.it.apps.values;

public record Point(int x, int y, String label) {
}
