package dev.lazarus.internal.ring;

/**
 * The 64-bit mixing behind {@link KeyHash} and the ring's virtual-node positions: the finalizer of
 * MurmurHash3 (xor-shift, multiply, xor-shift, multiply, xor-shift), which spreads every input bit over
 * every output bit and is a bijection, and a streaming combiner built on it. Fast (a few multiplies per
 * 8 bytes), not cryptographic: nobody chooses the keys to attack a ring that only places data.
 * Public only so that the ring benchmarks' baselines (rendezvous hashing) mix with the same function.
 */
public final class Mix64 {
    /** 2^64 divided by the golden ratio: consecutive multiples of it are spread evenly over 64 bits. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix64() {
    }

    /** Mixes all 64 bits of {@code x} into every bit of the result; distinct inputs give distinct outputs. */
    public static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return x;
    }

    /** Folds one 64-bit word into a running state; order matters, so "ab" and "ba" differ. */
    static long step(long state, long word) {
        return Long.rotateLeft(state ^ mix(word), 29) * GOLDEN + 0x632BE59BD9B4E019L;
    }

    /** Ends a stream of {@code length} units: the length is folded in so that a prefix differs from the whole. */
    static long finish(long state, long length) {
        return mix(state ^ mix(length + GOLDEN));
    }

    /** The hash of a string's UTF-16 units, four per word, starting from {@code seed}. */
    static long ofChars(long seed, CharSequence s) {
        long h = seed;
        int n = s.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            h = step(h, s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48);
        }
        if (i < n) {
            long w = 0;
            for (int shift = 0; i < n; i++, shift += 16) {
                w |= (long) s.charAt(i) << shift;
            }
            h = step(h, w);
        }
        return finish(h, n);
    }

    /** The hash of a byte array, eight bytes per word (little-endian), starting from {@code seed}. */
    static long ofBytes(long seed, byte[] b) {
        long h = seed;
        int n = b.length;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = 0;
            for (int k = 7; k >= 0; k--) {
                w = w << 8 | (b[i + k] & 0xFFL);
            }
            h = step(h, w);
        }
        if (i < n) {
            long w = 0;
            for (int shift = 0; i < n; i++, shift += 8) {
                w |= (b[i] & 0xFFL) << shift;
            }
            h = step(h, w);
        }
        return finish(h, n);
    }
}
