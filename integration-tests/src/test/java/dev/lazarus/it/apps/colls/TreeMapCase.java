package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

public class TreeMapCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final NavigableMap<String, Integer> natural = new TreeMap<>();
        final NavigableMap<String, Integer> reverse = new TreeMap<>(Comparator.reverseOrder());
        final NavigableMap<String, Integer> byLength = new TreeMap<>(new ByLength());
        /** A lambda comparator, created in the owner's constructor: by last character, then natural. */
        final NavigableMap<String, Integer> lambda = new TreeMap<>((a, b) -> {
            int c = Character.compare(a.charAt(a.length() - 1), b.charAt(b.length() - 1));
            return c != 0 ? c : a.compareTo(b);
        });
        final NavigableMap<String, Integer> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    @Durable
    static Holder h = new Holder();

    @Override
    public List<String> state() {
        return Show.fields(h);
    }

    @Override
    public void build() {
        for (NavigableMap<String, Integer> m : List.of(h.natural, h.reverse, h.byLength, h.lambda, h.caseInsensitive)) {
            Ops.map1(m);
            Ops.nav1(m);
        }
        Ops.nulls(h.natural, false);
    }

    @Override
    public void more() {
        for (NavigableMap<String, Integer> m : List.of(h.natural, h.reverse, h.byLength, h.lambda, h.caseInsensitive)) {
            Ops.map2(m);
            Ops.nav2(m);
        }
    }
}
