package dev.lazarus.internal.cluster;

import dev.lazarus.internal.record.WireCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pieces that make copies order-free: versions, newest-wins shares, tombstones, and the wire encoding. */
class ShareTest {
    record Item(String name, int quantity, BigDecimal price, List<String> tags) {
    }

    enum Colour { RED }

    @Test
    void aShareKeepsTheNewestVersionWhateverTheOrderOfArrival() {
        LocalShare share = new LocalShare(new HashMap<>());
        share.apply("k", new Versioned(20, "new"));
        Versioned before = share.apply("k", new Versioned(10, "old"));
        assertThat(before.value()).isEqualTo("new");
        assertThat(share.get("k").value()).isEqualTo("new");
        share.apply("k", new Versioned(30, null)); // a removal
        share.apply("k", new Versioned(25, "stale copy"));
        assertThat(share.get("k").tombstone()).isTrue();
        assertThat(share.get("k").version()).isEqualTo(30);
    }

    @Test
    void dropIfLeavesANewerWriteInPlace() {
        LocalShare share = new LocalShare(new HashMap<>());
        share.apply("k", new Versioned(5, "a"));
        share.apply("k", new Versioned(6, "b"));
        share.dropIf("k", 5);
        assertThat(share.get("k").value()).isEqualTo("b");
        share.dropIf("k", 6);
        assertThat(share.get("k")).isNull();
    }

    @Test
    void entriesAreStoredAsLoggableValues() {
        assertThat(new Versioned(7, "v").stored()).isEqualTo(List.of(7L, "v"));
        assertThat(new Versioned(7, null).stored()).isEqualTo(List.of(7L));
        assertThat(Versioned.of(List.of(7L, "v"))).isEqualTo(new Versioned(7, "v"));
    }

    @Test
    void versionsGrowAndPassEveryVersionSeen() {
        HybridClock a = new HybridClock("127.0.0.1:7801");
        HybridClock b = new HybridClock("127.0.0.1:7802");
        long v1 = a.next();
        long v2 = a.next();
        assertThat(v2).isGreaterThan(v1);
        long far = b.next() + (1L << 40);
        a.observe(far);
        assertThat(a.next()).isGreaterThan(far);
        assertThat(a.next() & 1023).isNotEqualTo(b.next() & 1023); // member bits differ
    }

    @Test
    void valuesTravelWithTheLogEncoding() {
        Item item = new Item("bolt", 3, new BigDecimal("1.25"), List.of("steel", "m6"));
        ClassLoader loader = getClass().getClassLoader();
        for (Object v : new Object[] {item, "s", 42L, UUID.randomUUID(), Instant.ofEpochSecond(5), Colour.RED,
                Map.of("a", 1)}) {
            assertThat(WireCodec.decode(WireCodec.encode(v), loader)).isEqualTo(v);
        }
    }

    @Test
    void mutableValuesAreRefusedWithTheFix() {
        assertThatThrownBy(() -> WireCodec.encode(new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder")
                .hasMessageContaining("Fix: store an immutable value");
        assertThatThrownBy(() -> WireCodec.check(List.of(new HashMap<>()), "the value for key k"))
                .hasMessageContaining("the value for key k");
    }
}
