package dev.lazarus.it.apps.arrays;

/** Writes elements of arrays it is given; it never refers to a tracked field. */
final class ArrayHelper {
    private ArrayHelper() {
    }

    static void fillInts(int[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 11 + 1;
        }
    }

    static void fillStrings(String[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = "h" + i;
        }
    }

    static void fillCells(Cell[] a) {
        a[0] = new Cell("helper", 5);
    }
}
