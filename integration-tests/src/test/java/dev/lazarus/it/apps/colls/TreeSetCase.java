package dev.lazarus.it.apps.colls;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

public class TreeSetCase implements Harness.Scenario {
    @Durable
    static class Holder {
        final NavigableSet<String> natural = new TreeSet<>();
        final NavigableSet<String> reverse = new TreeSet<>(Comparator.reverseOrder());
        final NavigableSet<String> byLength = new TreeSet<>(new ByLength());
        /** A lambda comparator, created in the owner's constructor: by last character, then natural. */
        final NavigableSet<String> lambda = new TreeSet<>((a, b) -> {
            int c = Character.compare(a.charAt(a.length() - 1), b.charAt(b.length() - 1));
            return c != 0 ? c : a.compareTo(b);
        });
        final NavigableSet<String> caseInsensitive = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    }

    @Durable
    static Holder h = new Holder();

    @Override
    public List<String> state() {
        return Show.fields(h);
    }

    @Override
    public void build() {
        for (NavigableSet<String> s : List.of(h.natural, h.reverse, h.byLength, h.lambda, h.caseInsensitive)) {
            Ops.set1(s);
            Ops.navSet1(s);
        }
    }

    @Override
    public void more() {
        for (NavigableSet<String> s : List.of(h.natural, h.reverse, h.byLength, h.lambda, h.caseInsensitive)) {
            Ops.set2(s);
            Ops.navSet2(s);
        }
    }
}
