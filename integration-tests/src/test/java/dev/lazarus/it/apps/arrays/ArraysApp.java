package dev.lazarus.it.apps.arrays;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.Arrays;
import java.util.List;

/**
 * Row: arrays held by tracked fields: element writes from inside the class and from another
 * (untracked) class, System.arraycopy, Arrays.fill, Arrays.sort; arrays of every primitive type,
 * String[], tracked-object arrays, a 2-D array.
 */
public class ArraysApp {
    @Durable
    static Arrs arrs = new Arrs();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                Arrs a = arrs;
                List<String> out = Show.fields(a);
                out.add("cells[0]==cells[1] " + (a.cells[0] != null && a.cells[0] == a.cells[1]));
                boolean m1Shared = false;
                for (Cell c : a.cells) {
                    m1Shared |= c != null && c == a.mixed[1];
                }
                out.add("the cell m1 in cells==mixed[1] " + m1Shared);
                out.add("grid[1]==grid[2] " + (a.grid[1] == a.grid[2]));
                return out;
            }

            @Override
            public void build() {
                Arrs a = arrs;
                a.inside();
                a.replaceArrays();
                // from this (untracked) class, through the fields
                a.ints[5] = 555;
                a.longs[2] *= 2;
                a.doubles[0] = Double.MAX_VALUE;
                a.floats[1] = Float.NaN;
                a.bytes[1] = -128;
                a.shorts[2] = 32_000;
                a.bools[2] = true;
                a.chars[4] = '\uffff';
                a.strings[3] = "outside";
                a.strings[4] = null;
                a.cells[2] = (Cell) a.mixed[1];                // shared with another array
                a.cells[3] = new Cell("c3", 3);
                a.cells[3].v = 33;                              // a write to an element's field
                a.grid[0][0] = -1;
                a.grid[1] = a.grid[2];                          // a row shared by two slots
                a.grid[2][0] = 70;                              // seen through both
                ((long[]) a.mixed[2])[1] = 66;
                a.replaced[3] = 70;
                System.arraycopy(a.strings, 3, a.strings, 0, 1);
                Arrays.fill(a.shorts, 0, 1, (short) 9);
                Arrays.sort(a.cells, Arrs.byName());
                Arrays.fill(a.floats, 2, 3, 2.5f);
                Arrays.sort(a.ints, 0, 4);
            }
        });
    }
}
