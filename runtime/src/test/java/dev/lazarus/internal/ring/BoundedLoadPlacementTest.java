package dev.lazarus.internal.ring;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedLoadPlacementTest {
    private static final List<String> FIVE = List.of("a:1", "b:1", "c:1", "d:1", "e:1");

    /** The plain ring with few points is lopsided; bounded loads cap every member at ceil((1+ε)·K/N). */
    @Test
    void noMemberEndsAboveTheBound() {
        HashRing ring = HashRing.of(FIVE, 4);
        int keys = 10_000;
        BoundedLoadPlacement placement = new BoundedLoadPlacement(ring, 0.05, keys);
        assertThat(placement.capacity()).isEqualTo(2100);
        Map<String, Integer> bounded = new HashMap<>();
        Map<String, Integer> plain = new HashMap<>();
        for (int k = 0; k < keys; k++) {
            long h = KeyHash.of(k);
            bounded.merge(placement.place(h), 1, Integer::sum);
            plain.merge(ring.owner(h), 1, Integer::sum);
        }
        assertThat(plain.values()).as("the plain ring is lopsided, else this test shows nothing").anySatisfy(c -> assertThat(c).isGreaterThan(2100));
        assertThat(bounded.values()).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(2100));
        assertThat(bounded.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(keys);
    }

    /** Until its first choice is full, a key goes where the plain ring puts it; then to the next member clockwise. */
    @Test
    void aKeyGoesToTheFirstMemberClockwiseWithRoom() {
        HashRing ring = HashRing.of(FIVE, 16);
        BoundedLoadPlacement placement = new BoundedLoadPlacement(ring, 1.0, 5);
        long h = KeyHash.of("k");
        List<String> order = ring.owners(h, 5);
        assertThat(placement.capacity()).isEqualTo(2);
        assertThat(placement.place(h)).isEqualTo(order.get(0));
        assertThat(placement.place(h)).isEqualTo(order.get(0));
        assertThat(placement.place(h)).isEqualTo(order.get(1));
    }

    @Test
    void placingMoreKeysThanThereIsRoomForIsRefused() {
        BoundedLoadPlacement placement = new BoundedLoadPlacement(HashRing.of(List.of("a")), 0.5, 1);
        assertThat(placement.capacity()).isEqualTo(2); // ceil(1.5 · 1 / 1)
        placement.place(1);
        placement.place(2);
        assertThatThrownBy(() -> placement.place(3)).isInstanceOf(IllegalStateException.class).hasMessageContaining("all 2 places are taken");
    }

    @Test
    void badArgumentsAreRefusedWithTheFix() {
        HashRing ring = HashRing.of(FIVE);
        assertThatThrownBy(() -> new BoundedLoadPlacement(ring, 0, 10)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new BoundedLoadPlacement(ring, Double.NaN, 10)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new BoundedLoadPlacement(ring, 0.1, 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new BoundedLoadPlacement(HashRing.of(List.of()), 0.1, 10)).hasMessageContaining("no members");
    }
}
