package dev.lazarus.it.apps.keyed;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.List;

/** The durable state of one owner: entries {@code owner-1 .. owner-n}, so a swap between owners shows. */
@Durable
public class Journal {
    private long count;
    private final List<String> entries = new ArrayList<>();

    @Atomic
    public synchronized long add(String owner) {
        count++;
        entries.add(owner + "-" + count);
        return count;
    }

    /** {@code count size=N mine=true|false}: mine when the entries are exactly owner-1..owner-count. */
    public synchronized String describe(String owner) {
        boolean mine = entries.size() == count;
        for (int i = 0; mine && i < entries.size(); i++) {
            mine = entries.get(i).equals(owner + "-" + (i + 1));
        }
        return count + " size=" + entries.size() + " mine=" + mine + (mine || entries.isEmpty() ? "" : " first=" + entries.get(0));
    }
}
