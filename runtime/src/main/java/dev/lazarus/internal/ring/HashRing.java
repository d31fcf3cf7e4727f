package dev.lazarus.internal.ring;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable consistent-hash ring of named members. Each member owns {@code virtualNodes} points of
 * the 64-bit circle, placed by hashing its name, so every JVM that knows the same member names builds
 * the same ring, and a member that comes back under the same name gets the same arcs back. A key
 * belongs to the first point at or after its {@link KeyHash} going clockwise (increasing signed value,
 * wrapping from {@link Long#MAX_VALUE} to {@link Long#MIN_VALUE}); two members on the same point are
 * ordered by name. Adding a member moves keys only to it; removing one moves only its keys.
 *
 * <p>The points are a sorted {@code long[]}, with a parallel array naming each point's member and a table
 * of where each range of the circle starts, so a lookup searches only the point or two of its range.
 * Thread-safe because immutable: {@link #withMember} and {@link #withoutMember} return a new ring.
 */
public final class HashRing {
    /**
     * Points per member. At 1,024 the most loaded of 10 members holds at most about 8% more than the mean
     * (worst of 20 simulated clusters; 256 points: 16%), a lookup still touches a few cache lines (the range
     * table), and the ring of 10 members takes 160 KB (benchmarks/results/ring.md, docs/decisions.md "Hash ring").
     */
    public static final int DEFAULT_VIRTUAL_NODES = 1024;

    /** Keeps the arrays of points well inside an int index, and the memory small (12 to 16 bytes per point). */
    static final int MAX_POINTS = 1 << 26;

    private static final long NAME_SEED = 0x52494E47L; // "RING"

    private final int virtualNodes;
    private final String[] members; // sorted; a point's owner is an index into it
    private final long[] points; // sorted by (position, owner)
    private final int[] owners;
    private final Set<String> memberSet;
    // where each range of the circle starts: the points in range r (the top bits of a position) are
    // points[rangeStart[r] .. rangeStart[r + 1]), about one or two, so a lookup touches a few cache lines
    // instead of searching the whole array
    private final int rangeShift;
    private final int[] rangeStart;

    private HashRing(int virtualNodes, String[] members, long[] points, int[] owners) {
        this.virtualNodes = virtualNodes;
        this.members = members;
        this.memberSet = Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(members)));
        this.points = points;
        this.owners = owners;
        int bits = Math.max(1, 31 - Integer.numberOfLeadingZeros(Math.max(1, points.length))); // as many ranges as points, or half
        this.rangeShift = 64 - bits;
        this.rangeStart = new int[(1 << bits) + 1];
        for (int r = 0, i = 0; r < rangeStart.length; r++) {
            while (i < points.length && range(points[i]) < r) {
                i++;
            }
            rangeStart[r] = i;
        }
    }

    /** A ring of {@code members} with {@link #DEFAULT_VIRTUAL_NODES} points each. */
    public static HashRing of(Collection<String> members) {
        return of(members, DEFAULT_VIRTUAL_NODES);
    }

    /** A ring of {@code members} (duplicates count once) with {@code virtualNodes} points each. */
    public static HashRing of(Collection<String> members, int virtualNodes) {
        if (virtualNodes < 1) {
            throw new IllegalArgumentException("virtualNodes is " + virtualNodes + "; it must be at least 1 (the default is "
                    + DEFAULT_VIRTUAL_NODES + ")");
        }
        TreeSet<String> names = new TreeSet<>();
        for (String m : members) {
            names.add(checkName(m));
        }
        String[] sorted = names.toArray(new String[0]);
        checkSize(sorted.length, virtualNodes);
        // each member's points sorted alone, then merged pairwise: n·v·log(n) instead of a sort of boxed pairs
        Points[] parts = new Points[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            parts[i] = pointsOf(sorted[i], i, virtualNodes);
        }
        Points all = mergeAll(parts, 0, parts.length);
        return new HashRing(virtualNodes, sorted, all.positions, all.owners);
    }

    /** This ring with {@code member} added (this ring itself if it is already a member). */
    public HashRing withMember(String member) {
        checkName(member);
        int at = Arrays.binarySearch(members, member);
        if (at >= 0) {
            return this;
        }
        int insert = -at - 1;
        checkSize(members.length + 1, virtualNodes);
        String[] names = new String[members.length + 1];
        System.arraycopy(members, 0, names, 0, insert);
        names[insert] = member;
        System.arraycopy(members, insert, names, insert + 1, members.length - insert);
        int[] shifted = new int[owners.length];
        for (int i = 0; i < owners.length; i++) {
            shifted[i] = owners[i] >= insert ? owners[i] + 1 : owners[i];
        }
        Points merged = merge(new Points(points, shifted), pointsOf(member, insert, virtualNodes));
        return new HashRing(virtualNodes, names, merged.positions, merged.owners);
    }

    /** This ring without {@code member} (this ring itself if it is not a member). */
    public HashRing withoutMember(String member) {
        checkName(member);
        int gone = Arrays.binarySearch(members, member);
        if (gone < 0) {
            return this;
        }
        String[] names = new String[members.length - 1];
        System.arraycopy(members, 0, names, 0, gone);
        System.arraycopy(members, gone + 1, names, gone, names.length - gone);
        long[] keptPoints = new long[points.length - virtualNodes];
        int[] keptOwners = new int[keptPoints.length];
        int k = 0;
        for (int i = 0; i < points.length; i++) {
            int o = owners[i];
            if (o != gone) {
                keptPoints[k] = points[i];
                keptOwners[k++] = o > gone ? o - 1 : o;
            }
        }
        return new HashRing(virtualNodes, names, keptPoints, keptOwners);
    }

    /** The members' names, sorted. */
    public Set<String> members() {
        return memberSet;
    }

    /** How many points each member has on the circle. */
    public int virtualNodes() {
        return virtualNodes;
    }

    /** The member owning a key: the owner of the first point at or after {@code keyHash}, clockwise. */
    public String owner(long keyHash) {
        if (members.length == 0) {
            throw new IllegalStateException("the ring has no members, so no key has an owner; add a member first");
        }
        return members[owners[firstPointAtOrAfter(keyHash)]];
    }

    /**
     * The preference list of a key: its {@link #owner} first, then the next distinct members clockwise,
     * {@code min(replicas, members)} of them (empty when the ring is).
     */
    public List<String> owners(long keyHash, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas is " + replicas + "; a key needs at least 1 owner");
        }
        int want = Math.min(replicas, members.length);
        if (want == 0) {
            return List.of();
        }
        String[] chosen = new String[want];
        // a few names are cheaper to scan than a flag per member is to allocate
        boolean[] taken = want > 8 ? new boolean[members.length] : null;
        int found = 0;
        for (int i = firstPointAtOrAfter(keyHash); found < want; i = i + 1 == points.length ? 0 : i + 1) {
            int m = owners[i];
            if (taken == null ? !isAmong(members[m], chosen, found) : !taken[m]) {
                if (taken != null) {
                    taken[m] = true;
                }
                chosen[found++] = members[m];
            }
        }
        return List.of(chosen);
    }

    private static boolean isAmong(String member, String[] chosen, int count) {
        for (int c = 0; c < count; c++) {
            if (chosen[c] == member) { // one String instance per member
                return true;
            }
        }
        return false;
    }

    // for BoundedLoadPlacement, which walks the circle itself

    int pointCount() {
        return points.length;
    }

    int memberCount() {
        return members.length;
    }

    String member(int index) {
        return members[index];
    }

    int ownerOfPoint(int point) {
        return owners[point];
    }

    /** The index of the first point whose position is at least {@code hash}, wrapping to 0 past the last. */
    int firstPointAtOrAfter(long hash) {
        int r = range(hash);
        int i = firstAtOrAfter(hash, rangeStart[r], rangeStart[r + 1]);
        return i == points.length ? 0 : i;
    }

    /** The range of a position: its top bits, in the circle's order (the sign bit flipped: signed order as unsigned). */
    private int range(long position) {
        return (int) ((position ^ Long.MIN_VALUE) >>> rangeShift);
    }

    /**
     * The first index in {@code [from, to)} whose point is at least {@code hash}, or {@code to}. A binary
     * search that halves its window with a conditional move instead of a branch (no misprediction per
     * step); over one range it is a step or two.
     */
    private int firstAtOrAfter(long hash, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return from;
        }
        int base = from;
        while (n > 1) {
            int half = n >>> 1;
            base = points[base + half - 1] < hash ? base + half : base;
            n -= half;
        }
        return points[base] < hash ? base + 1 : base;
    }

    /** Where member {@code name}'s points are: a SplitMix64 sequence seeded by the hash of the name. */
    static long[] positionsOf(String name, int virtualNodes) {
        long seed = Mix64.ofChars(NAME_SEED, name);
        long[] positions = new long[virtualNodes];
        for (int v = 0; v < virtualNodes; v++) {
            positions[v] = Mix64.mix(seed + (v + 1) * Mix64.GOLDEN);
        }
        return positions;
    }

    private static Points pointsOf(String name, int index, int virtualNodes) {
        long[] positions = positionsOf(name, virtualNodes);
        Arrays.sort(positions);
        int[] owner = new int[virtualNodes];
        Arrays.fill(owner, index);
        return new Points(positions, owner);
    }

    private static Points mergeAll(Points[] parts, int from, int to) {
        if (to - from == 0) {
            return new Points(new long[0], new int[0]);
        }
        if (to - from == 1) {
            return parts[from];
        }
        int mid = (from + to) >>> 1;
        return merge(mergeAll(parts, from, mid), mergeAll(parts, mid, to));
    }

    /** Merges two point lists sorted by (position, owner). */
    static Points merge(Points a, Points b) {
        int n = a.positions.length + b.positions.length;
        long[] positions = new long[n];
        int[] owner = new int[n];
        int i = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            boolean fromA = j == b.positions.length || i < a.positions.length
                    && (a.positions[i] < b.positions[j] || a.positions[i] == b.positions[j] && a.owners[i] < b.owners[j]);
            if (fromA) {
                positions[k] = a.positions[i];
                owner[k] = a.owners[i++];
            } else {
                positions[k] = b.positions[j];
                owner[k] = b.owners[j++];
            }
        }
        return new Points(positions, owner);
    }

    private static String checkName(String member) {
        if (member == null || member.isEmpty()) {
            throw new IllegalArgumentException("a ring member needs a non-empty name (the cluster uses its bind address host:port); got "
                    + (member == null ? "null" : "\"\""));
        }
        return member;
    }

    private static void checkSize(int memberCount, int virtualNodes) {
        if ((long) memberCount * virtualNodes > MAX_POINTS) {
            throw new IllegalArgumentException(memberCount + " members × " + virtualNodes + " virtual nodes is more than "
                    + MAX_POINTS + " points; use fewer virtual nodes per member");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashRing r && r.virtualNodes == virtualNodes && Arrays.equals(r.members, members);
    }

    @Override
    public int hashCode() {
        return 31 * virtualNodes + Arrays.hashCode(members);
    }

    @Override
    public String toString() {
        return "HashRing[" + members.length + " members × " + virtualNodes + " virtual nodes: " + String.join(", ", members) + "]";
    }

    /** Points sorted by (position, owner), with each point's owner alongside. */
    record Points(long[] positions, int[] owners) {
    }
}
