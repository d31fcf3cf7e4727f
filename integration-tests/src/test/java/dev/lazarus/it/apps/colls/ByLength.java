package dev.lazarus.it.apps.colls;

import java.util.Comparator;

/** A comparator class with a no-arg constructor: shorter first, then natural order. */
public class ByLength implements Comparator<String> {
    @Override
    public int compare(String a, String b) {
        int c = Integer.compare(a.length(), b.length());
        return c != 0 ? c : a.compareTo(b);
    }
}
