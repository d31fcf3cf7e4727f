package dev.lazarus.it.apps.arrays;

import dev.lazarus.Durable;

import java.util.Arrays;
import java.util.Comparator;

@Durable
public class Arrs {
    int[] ints = new int[6];
    long[] longs = new long[4];
    double[] doubles = new double[5];
    float[] floats = new float[3];
    byte[] bytes = new byte[5];
    short[] shorts = new short[3];
    boolean[] bools = new boolean[4];
    char[] chars = new char[5];
    String[] strings = new String[5];
    Cell[] cells = new Cell[4];
    int[][] grid = new int[3][3];
    Object[] mixed = new Object[3];
    int[] replaced = {1, 2, 3};
    int[] nulled = {1};

    /** Element writes from inside the class, and the bulk java.util.Arrays / System.arraycopy paths. */
    void inside() {
        ints[0] = 10;
        ints[1] = -1;
        ints[2] = Integer.MIN_VALUE;
        ints[3]++;
        ints[4] += 7;
        longs[0] = Long.MAX_VALUE;
        longs[3] = -5;
        doubles[0] = Double.NaN;
        doubles[1] = -0.0;
        doubles[2] = 3.5;
        floats[0] = Float.MIN_VALUE;
        floats[2] = -0.0f;
        bytes[0] = (byte) 0xff;
        bytes[4] = 42;
        shorts[1] = Short.MIN_VALUE;
        bools[1] = true;
        bools[3] = true;
        chars[0] = '\u00e9';
        chars[1] = 'x';
        strings[0] = "s0";
        strings[1] = "\u65e5\u672c";
        strings[2] = "";
        cells[0] = new Cell("c0", 0);
        cells[1] = cells[0];                          // shared
        grid[1][2] = 12;
        grid[2] = new int[] {7, 8, 9, 10};            // a new row
        mixed[0] = "text";
        mixed[1] = new Cell("m1", 1);
        mixed[2] = new long[] {5, 6};

        System.arraycopy(ints, 0, ints, 1, 3);        // within the array: 10,10,-1,MIN,...
        System.arraycopy(new int[] {100, 200}, 0, ints, 4, 2);
        Arrays.fill(longs, 1, 3, 77L);
        Arrays.fill(bools, 0, 1, true);
        Arrays.sort(doubles);                          // NaN sorts last, -0.0 before 0.0
        Arrays.fill(chars, 2, 5, 'z');
        Arrays.sort(strings, 0, 3);
        Arrays.sort(bytes);
    }

    void replaceArrays() {
        replaced = new int[] {4, 5, 6, 7};
        replaced[0] = 40;                              // a write to the new array
        nulled = null;
    }

    static Comparator<Cell> byName() {
        return Comparator.comparing(c -> c.name);
    }
}
