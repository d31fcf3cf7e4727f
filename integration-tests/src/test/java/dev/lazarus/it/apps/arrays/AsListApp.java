package dev.lazarus.it.apps.arrays;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Row: element writes to tracked arrays through their {@code Arrays.asList} view, made in a class
 * that names the fields: {@code set}, {@code Collections.reverse}, {@code sort}, {@code replaceAll},
 * a list-iterator write. Nothing reassigns the fields afterwards: the view's writes are logged.
 */
public class AsListApp {
    @Durable
    static Arrs arrs = new Arrs();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                return List.of("strings=" + Show.v(arrs.strings), "cells=" + Show.v(arrs.cells),
                        "mixed=" + Show.v(arrs.mixed));
            }

            @Override
            public void build() {
                List<String> strings = Arrays.asList(arrs.strings);
                for (int i = 0; i < strings.size(); i++) {
                    strings.set(i, "s" + i);
                }
                Collections.reverse(Arrays.asList(arrs.strings));
                Arrays.asList(arrs.cells).set(1, new Cell("via-list", 3));
                Arrays.asList(arrs.cells).replaceAll(c -> c == null ? new Cell("filled", 1) : c);
                Arrays.asList(arrs.cells).sort(Comparator.comparing(Cell::toString));
                java.util.ListIterator<Object> it = Arrays.asList(arrs.mixed).listIterator();
                it.next();
                it.set("first");
                Collections.swap(Arrays.asList(arrs.mixed), 0, 2);
            }
        });
    }
}
