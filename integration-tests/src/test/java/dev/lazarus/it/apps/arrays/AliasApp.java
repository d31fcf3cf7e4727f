package dev.lazarus.it.apps.arrays;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.List;

/**
 * Row: element writes to an array held by a tracked field, made by a class that never names the
 * field: it only gets the array as an argument (a helper, a library routine).
 */
public class AliasApp {
    @Durable
    static Arrs arrs = new Arrs();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                return List.of("ints=" + Show.v(arrs.ints), "strings=" + Show.v(arrs.strings),
                        "cells=" + Show.v(arrs.cells));
            }

            @Override
            public void build() {
                ArrayHelper.fillInts(arrs.ints);
                ArrayHelper.fillStrings(arrs.strings);
                ArrayHelper.fillCells(arrs.cells);
            }
        });
    }
}
