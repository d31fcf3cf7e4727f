package dev.lazarus.internal.ring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The real ring against the naive TreeMap ring ({@link NaiveRing}), and the movement guarantees. */
class HashRingPropertiesTest {
    private static final int TRIES = 400;
    private static final int KEYS = 200;

    @Test
    void aKeyBelongsToTheFirstVirtualNodeClockwise() {
        Trials.check(TRIES, gen -> {
            Set<String> members = gen.members();
            int virtualNodes = gen.intIn("virtualNodes", 1, 64);
            HashRing ring = HashRing.of(members, virtualNodes);
            NaiveRing naive = new NaiveRing(members, virtualNodes);
            for (long h : keyHashes(gen, members, virtualNodes)) {
                assertThat(ring.owner(h)).as("owner of %d", h).isEqualTo(naive.owner(h));
            }
        });
    }

    @Test
    void thePreferenceListIsDistinctMembersInClockwiseOrder() {
        Trials.check(TRIES, gen -> {
            Set<String> members = gen.members();
            int virtualNodes = gen.intIn("virtualNodes", 1, 64);
            int replicas = gen.intIn("replicas", 1, 25);
            HashRing ring = HashRing.of(members, virtualNodes);
            NaiveRing naive = new NaiveRing(members, virtualNodes);
            for (long h : keyHashes(gen, members, virtualNodes)) {
                List<String> owners = ring.owners(h, replicas);
                assertThat(owners).as("preference list of %d", h).isEqualTo(naive.owners(h, replicas));
                assertThat(owners).hasSize(Math.min(replicas, members.size())).doesNotHaveDuplicates();
                assertThat(owners.get(0)).isEqualTo(ring.owner(h));
            }
        });
    }

    @Test
    void removingAMemberMovesOnlyItsKeys() {
        Trials.check(TRIES, gen -> {
            Set<String> members = gen.members();
            int virtualNodes = gen.intIn("virtualNodes", 1, 64);
            HashRing before = HashRing.of(members, virtualNodes);
            String gone = new ArrayList<>(members).get(gen.intIn("leaving", 0, members.size() - 1));
            HashRing after = before.withoutMember(gone);
            Set<String> rest = new TreeSet<>(members);
            rest.remove(gone);
            assertThat(after.members()).isEqualTo(rest);
            if (rest.isEmpty()) {
                return;
            }
            NaiveRing fresh = new NaiveRing(rest, virtualNodes);
            for (long h : keyHashes(gen, members, virtualNodes)) {
                String was = before.owner(h);
                String is = after.owner(h);
                if (!was.equals(gone)) {
                    assertThat(is).as("key %d of %s moved when %s left", h, was, gone).isEqualTo(was);
                }
                assertThat(is).as("same as a ring built without %s", gone).isEqualTo(fresh.owner(h));
                assertThat(after.owners(h, 3)).isEqualTo(fresh.owners(h, 3));
            }
        });
    }

    @Test
    void addingAMemberMovesKeysOnlyToIt() {
        Trials.check(TRIES, gen -> {
            Set<String> members = gen.members();
            int virtualNodes = gen.intIn("virtualNodes", 1, 64);
            String joining = gen.name("joining");
            HashRing before = HashRing.of(members, virtualNodes);
            HashRing after = before.withMember(joining);
            Set<String> all = new TreeSet<>(members);
            all.add(joining);
            assertThat(after.members()).isEqualTo(all);
            NaiveRing fresh = new NaiveRing(all, virtualNodes);
            for (long h : keyHashes(gen, all, virtualNodes)) {
                String was = before.owner(h);
                String is = after.owner(h);
                if (!is.equals(was)) {
                    assertThat(is).as("key %d moved from %s to a member that did not join", h, was).isEqualTo(joining);
                }
                assertThat(is).as("same as a ring built with %s", joining).isEqualTo(fresh.owner(h));
                assertThat(after.owners(h, 3)).isEqualTo(fresh.owners(h, 3));
            }
        });
    }

    /**
     * Random key hashes plus the edges where a wrong binary search would show: exactly on a point, one
     * before and one after it, and both ends of the long range.
     */
    private static List<Long> keyHashes(Trials.Gen gen, Set<String> members, int virtualNodes) {
        List<Long> points = new ArrayList<>();
        for (String m : members) {
            for (long p : HashRing.positionsOf(m, virtualNodes)) {
                points.add(p);
            }
        }
        Set<Long> hashes = new HashSet<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        while (hashes.size() < KEYS) {
            long p = points.get(gen.random.nextInt(points.size()));
            hashes.add(gen.anyLong());
            hashes.add(p);
            hashes.add(p - 1);
            hashes.add(p + 1);
        }
        return new ArrayList<>(hashes);
    }
}
