package dev.lazarus.internal.cluster;

import dev.lazarus.internal.ring.HashRing;
import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.ViewId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JGroups view seen as a ring: members are named by their {@code bind} address (so a restarted
 * member gets its arcs back), and the view before it tells which keys move. A member whose name
 * is in both views but under a new address restarted in between: it is treated as new (it may
 * have missed writes), so its keys count as moving too.
 */
final class Membership {
    final ViewId viewId;
    final HashRing ring;
    final int replicas;
    /** The latest address of each member name (a restarted member may briefly appear twice). */
    final Map<String, Address> addresses;
    /** The ring of the previous view restricted to members that kept their address; null on a member's first view. */
    private final HashRing before;
    private final Set<String> kept;

    private Membership(ViewId viewId, Map<String, Address> addresses, int replicas, HashRing before, Set<String> kept) {
        this.viewId = viewId;
        this.addresses = addresses;
        this.replicas = replicas;
        this.ring = HashRing.of(addresses.keySet());
        this.before = before;
        this.kept = kept;
    }

    static Membership first(View view, Collection<String> names, int replicas) {
        return new Membership(view.getViewId(), byName(view, names), replicas, null, Set.of());
    }

    Membership next(View view, Collection<String> names) {
        Map<String, Address> now = byName(view, names);
        Set<String> kept = new HashSet<>();
        now.forEach((name, addr) -> {
            if (addr.equals(addresses.get(name))) {
                kept.add(name);
            }
        });
        return new Membership(view.getViewId(), now, replicas, ring, kept);
    }

    /** {@code names} holds the ring name of each view member, in view order (null: not a Lazarus member, left out). */
    private static Map<String, Address> byName(View view, Collection<String> names) {
        Map<String, Address> out = new LinkedHashMap<>();
        List<Address> members = view.getMembers();
        List<String> n = new ArrayList<>(names);
        for (int i = 0; i < members.size(); i++) {
            if (n.get(i) != null) {
                out.put(n.get(i), members.get(i)); // later (newer) incarnations win
            }
        }
        return out;
    }

    /** Whether this is the first view this member installed (it knows nothing about where data was). */
    boolean first() {
        return before == null;
    }

    List<String> owners(long hash) {
        return ring.owners(hash, replicas);
    }

    /** Members that held {@code hash} before this view and still hold the same data (empty on a first view). */
    Set<String> ownersBefore(long hash) {
        if (before == null) {
            return Set.of();
        }
        Set<String> out = new HashSet<>(before.owners(hash, replicas));
        out.retainAll(kept);
        return out;
    }

    /** Whether some owner of {@code hash} in this view did not hold it before: it may still be on its way. */
    boolean moving(long hash) {
        return !ownersBefore(hash).containsAll(owners(hash));
    }
}
