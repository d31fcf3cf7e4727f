package dev.lazarus.it.apps.arrays;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Row: JDK methods that fill a tracked array they are given, called in a class that names the
 * fields ({@code Random.nextBytes}, {@code DataInput.readFully}, {@code String.getChars},
 * {@code Reader.read}, NIO bulk gets, relative and absolute, {@code Collection.toArray(T[])}).
 * Their stores happen in JDK code; nothing reassigns the fields afterwards: the calls are logged.
 */
public class FillersApp {
    @Durable
    static Arrs arrs = new Arrs();

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                return List.of("bytes=" + Show.v(arrs.bytes), "chars=" + Show.v(arrs.chars),
                        "ints=" + Show.v(arrs.ints), "longs=" + Show.v(arrs.longs), "doubles=" + Show.v(arrs.doubles),
                        "shorts=" + Show.v(arrs.shorts), "strings=" + Show.v(arrs.strings), "cells=" + Show.v(arrs.cells));
            }

            @Override
            public void build() {
                try {
                    new java.util.Random(7).nextBytes(arrs.bytes);
                    new DataInputStream(new ByteArrayInputStream(new byte[] {9, 8, 7})).readFully(arrs.bytes, 1, 3);
                    "hello".getChars(0, 5, arrs.chars, 0);
                    new StringReader("ab").read(arrs.chars, 3, 2);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                IntBuffer.wrap(new int[] {5, 6, 7}).get(arrs.ints, 0, 3);
                LongBuffer.wrap(new long[] {-1, -2, -3, -4}).get(arrs.longs);
                DoubleBuffer.wrap(new double[] {0.5, 1.5, 2.5, 3.5, 4.5}).get(arrs.doubles);
                ShortBuffer.wrap(new short[] {11, 12, 13}).get(0, arrs.shorts);
                List.of("t0", "t1", "t2", "t3", "t4").toArray(arrs.strings);
                List<Cell> cells = new ArrayList<>(List.of(new Cell("a", 1), new Cell("b", 2), new Cell("c", 3),
                        new Cell("d", 4)));
                cells.toArray(arrs.cells);
            }
        });
    }
}
