package dev.lazarus.internal.ring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference model of {@link HashRing}: the textbook ring, a TreeMap from each virtual node's
 * position to its member, searched with {@code ceilingEntry}. Slow and obviously right. It shares only the
 * placement of the points ({@link HashRing#positionsOf}) with the real ring; on a shared point the
 * member whose name sorts first wins, as the real ring documents.
 */
final class NaiveRing {
    private final TreeMap<Long, String> circle = new TreeMap<>();
    private final Set<String> members = new LinkedHashSet<>();

    NaiveRing(Collection<String> names, int virtualNodes) {
        for (String name : names) {
            members.add(name);
            for (long p : HashRing.positionsOf(name, virtualNodes)) {
                circle.merge(p, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
    }

    String owner(long keyHash) {
        Map.Entry<Long, String> e = circle.ceilingEntry(keyHash);
        return (e != null ? e : circle.firstEntry()).getValue();
    }

    List<String> owners(long keyHash, int replicas) {
        int want = Math.min(replicas, members.size());
        LinkedHashSet<String> found = new LinkedHashSet<>();
        List<String> clockwise = new ArrayList<>(circle.tailMap(keyHash, true).values());
        clockwise.addAll(circle.headMap(keyHash, false).values());
        for (String m : clockwise) {
            if (found.size() == want) {
                break;
            }
            found.add(m);
        }
        return new ArrayList<>(found);
    }
}
