package dev.lazarus.internal.ring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyHashTest {

    /**
     * Every member of a cluster must place a key at the same point, whatever its JVM, version or run:
     * these values are pinned, so a change of the function (which would split a mixed-version cluster's
     * idea of who owns what) fails here.
     */
    @Test
    void theHashOfAKeyIsPinned() {
        assertThat(KeyHash.of("user:42")).isEqualTo(0x6459deca164b4512L);
        assertThat(KeyHash.of("")).isEqualTo(0x8d82751399f55d54L);
        assertThat(KeyHash.of(42)).isEqualTo(0x8bc19b61eed21a0dL);
        assertThat(KeyHash.of(42L)).isEqualTo(0x171309a457b22ccaL);
        assertThat(KeyHash.of('x')).isEqualTo(0x0e101d591d765005L);
        assertThat(KeyHash.of(true)).isEqualTo(0xec437ed3a5b5baa5L);
        assertThat(KeyHash.of((byte) 1)).isEqualTo(0xb55ebf628ef51a82L);
        assertThat(KeyHash.of((short) 1)).isEqualTo(0xd8563dc0a3033dcfL);
        assertThat(KeyHash.of(1.5f)).isEqualTo(0xd3e9c277dcf49a01L);
        assertThat(KeyHash.of(1.5d)).isEqualTo(0xc174210613fcbba9L);
        assertThat(KeyHash.of(new BigInteger("123456789012345678901234567890"))).isEqualTo(0xc912afa5a84c8d50L);
        assertThat(KeyHash.of(new BigDecimal("1.50"))).isEqualTo(0x87961b98066207d0L);
        assertThat(KeyHash.of(new UUID(1, 2))).isEqualTo(0x627585af76f02fe3L);
        assertThat(KeyHash.of(TimeUnit.SECONDS)).isEqualTo(0x28a0f61e78313abcL);
        assertThat(KeyHash.of(new byte[] {1, 2, 3})).isEqualTo(0x8b1b480034ca6c45L);
        assertThat(KeyHash.of(null)).isEqualTo(0x38df2484385e31dbL);
    }

    @Test
    void equalKeysHashTheSame() {
        assertThat(KeyHash.of(new String("abcdefghi".toCharArray()))).isEqualTo(KeyHash.of("abcdefghi"));
        assertThat(KeyHash.of(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1})).isEqualTo(KeyHash.of(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1}));
        assertThat(KeyHash.of(Double.NaN)).isEqualTo(KeyHash.of(Double.longBitsToDouble(0x7ff8000000000001L)));
        assertThat(KeyHash.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
                .isEqualTo(KeyHash.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    }

    /** Keys that a map tells apart should not all land together: these differ only in type, order or scale. */
    @Test
    void differentKeysOfTheSameValueHashDifferently() {
        Set<Long> hashes = new HashSet<>();
        Object[] keys = {1, 1L, (short) 1, (byte) 1, 1.0f, 1.0d, BigInteger.ONE, BigDecimal.ONE, new BigDecimal("1.0"), "1", '1',
            new byte[] {1}, "ab", "ba", "a", "a\0", "abcd", "abcd\0", 0.0d, -0.0d, true, false};
        for (Object k : keys) {
            hashes.add(KeyHash.of(k));
        }
        assertThat(hashes).hasSize(keys.length);
    }

    /** Sequential keys (the common case: ids) must spread evenly over the circle, not cluster. */
    @Test
    void sequentialKeysSpreadEvenly() {
        int buckets = 64;
        int n = 64_000;
        for (String kind : new String[] {"int", "string"}) {
            int[] count = new int[buckets];
            for (int i = 0; i < n; i++) {
                long h = kind.equals("int") ? KeyHash.of(i) : KeyHash.of("order-" + i);
                count[(int) (h >>> 58)]++;
            }
            double expected = (double) n / buckets;
            double chi2 = 0;
            for (int c : count) {
                chi2 += (c - expected) * (c - expected) / expected;
            }
            // 63 degrees of freedom: the 99.99th percentile is about 120
            assertThat(chi2).as("chi-square of %s keys over %d buckets", kind, buckets).isLessThan(120);
        }
    }

    /** Flipping one input bit flips about half the output bits (else nearby keys share arcs). */
    @Test
    void oneBitOfInputChangesHalfTheOutput() {
        long total = 0;
        int samples = 0;
        for (long i = 0; i < 1000; i++) {
            for (int bit = 0; bit < 64; bit += 7) {
                total += Long.bitCount(KeyHash.of(i) ^ KeyHash.of(i ^ (1L << bit)));
                samples++;
            }
        }
        assertThat((double) total / samples).isBetween(31.0, 33.0);
    }

    @Test
    void aKeyWithoutAStableHashIsRefusedWithTheFix() {
        assertThatThrownBy(() -> KeyHash.of(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object")
                .hasMessageContaining("use a String");
        assertThatThrownBy(() -> KeyHash.of(java.util.List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ImmutableCollections");
    }
}
