package dev.lazarus.internal.ring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashRingTest {
    private static final List<String> THREE = List.of("10.0.0.1:7800", "10.0.0.2:7800", "10.0.0.3:7800");

    /** A member's points depend only on its name: pinned, so every JVM and every version agrees. */
    @Test
    void aMembersPointsArePinned() {
        assertThat(HashRing.positionsOf("10.0.0.1:7800", 4))
                .containsExactly(0xbe8c27ccafa87f35L, 0x1e8311dcdc593727L, 0x5613b9d556c258a4L, 0xdc9a8ad2e25d9ba7L);
    }

    @Test
    void theRingDoesNotDependOnTheOrderMembersAreGivenOrAdded() {
        List<String> shuffled = new ArrayList<>(THREE);
        Collections.reverse(shuffled);
        HashRing a = HashRing.of(THREE, 32);
        HashRing b = HashRing.of(shuffled, 32);
        HashRing c = HashRing.of(List.of(), 32).withMember("10.0.0.3:7800").withMember("10.0.0.1:7800").withMember("10.0.0.2:7800");
        for (long k = 0; k < 10_000; k++) {
            long h = KeyHash.of(k);
            assertThat(b.owners(h, 3)).isEqualTo(a.owners(h, 3));
            assertThat(c.owners(h, 3)).isEqualTo(a.owners(h, 3));
        }
        assertThat(a).isEqualTo(b).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(a.members()).containsExactlyElementsOf(THREE);
    }

    /** With the default points every member gets a fair share, so no member holds most of the data. */
    @Test
    void theDefaultSpreadsKeysFairly() {
        HashRing ring = HashRing.of(THREE);
        Map<String, Integer> load = new HashMap<>();
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            load.merge(ring.owner(KeyHash.of("key-" + i)), 1, Integer::sum);
        }
        assertThat(load).hasSize(3);
        assertThat(load.values()).allSatisfy(c -> assertThat(c).isBetween(n / 3 * 85 / 100, n / 3 * 115 / 100));
    }

    @Test
    void addingOrRemovingAPresentOrAbsentMemberIsANoOp() {
        HashRing ring = HashRing.of(THREE, 8);
        assertThat(ring.withMember("10.0.0.1:7800")).isSameAs(ring);
        assertThat(ring.withoutMember("10.0.0.9:7800")).isSameAs(ring);
        assertThat(ring.withoutMember("10.0.0.1:7800").withMember("10.0.0.1:7800")).isEqualTo(ring);
    }

    @Test
    void anEmptyRingHasNoOwners() {
        HashRing empty = HashRing.of(List.of());
        assertThat(empty.owners(42, 2)).isEmpty();
        assertThat(empty.members()).isEmpty();
        assertThatThrownBy(() -> empty.owner(42)).isInstanceOf(IllegalStateException.class).hasMessageContaining("no members");
    }

    @Test
    void aPreferenceListIsCutToTheMembers() {
        HashRing ring = HashRing.of(THREE, 16);
        assertThat(ring.owners(7, 10)).hasSize(3).containsExactlyInAnyOrderElementsOf(THREE);
        assertThat(ring.owners(7, 1)).containsExactly(ring.owner(7));
    }

    @Test
    void badArgumentsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> HashRing.of(THREE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("virtualNodes is 0").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> HashRing.of(List.of("a", ""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty name");
        assertThatThrownBy(() -> HashRing.of(THREE).withMember(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> HashRing.of(THREE).owners(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicas is 0");
        assertThatThrownBy(() -> HashRing.of(THREE, HashRing.MAX_POINTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer virtual nodes");
    }

    @Test
    void theRingIsImmutable() {
        HashRing ring = HashRing.of(THREE, 8);
        assertThatThrownBy(() -> ring.members().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ring.owners(1, 2).add("x")).isInstanceOf(UnsupportedOperationException.class);
        ring.withMember("10.0.0.4:7800");
        ring.withoutMember("10.0.0.1:7800");
        assertThat(ring.members()).containsExactlyElementsOf(THREE);
    }

    /** Two members on one point (a 64-bit collision: unlikely, but every JVM must then agree): the first by name wins. */
    @Test
    void membersOnTheSamePointAreOrderedByName() {
        HashRing.Points a = new HashRing.Points(new long[] {5, 9}, new int[] {1, 1});
        HashRing.Points b = new HashRing.Points(new long[] {5, 7}, new int[] {0, 0});
        HashRing.Points both = HashRing.merge(a, b);
        assertThat(both.positions()).containsExactly(5, 5, 7, 9);
        assertThat(both.owners()).containsExactly(0, 1, 0, 1);
        assertThat(HashRing.merge(b, a).owners()).containsExactly(0, 1, 0, 1);
    }
}
