package dev.lazarus.it.apps.arrays;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.List;

/**
 * Row: element writes to an array held by a tracked field, made by a class that never names the
 * field: it only gets the array as an argument (a helper of the app). Those stores are not seen (see
 * README, known limits); the documented remedy is to assign the array to its field again afterwards,
 * which logs its whole content. (JDK methods that fill an array, called here, are logged: FillersApp.)
 */
public class AliasApp {
    @Durable
    static Arrs arrs = new Arrs();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                return List.of("ints=" + Show.v(arrs.ints), "strings=" + Show.v(arrs.strings),
                        "cells=" + Show.v(arrs.cells), "bytes=" + Show.v(arrs.bytes), "chars=" + Show.v(arrs.chars));
            }

            @Override
            public void build() {
                ArrayHelper.fillInts(arrs.ints);
                ArrayHelper.fillStrings(arrs.strings);
                ArrayHelper.fillCells(arrs.cells);
                // JDK methods that fill an array they are given
                new java.util.Random(7).nextBytes(arrs.bytes);
                "hello".getChars(0, 5, arrs.chars, 0);
                // publish what was written out of Lazarus's sight: a reassignment logs the whole array
                arrs.ints = arrs.ints;
                arrs.strings = arrs.strings;
                arrs.cells = arrs.cells;
                arrs.bytes = arrs.bytes;
                arrs.chars = arrs.chars;
            }
        });
    }
}
