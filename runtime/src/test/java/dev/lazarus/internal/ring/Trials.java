package dev.lazarus.internal.ring;

import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A small property-test runner: runs a property on many generated cases, small ones first (the size
 * bound grows with the trial number, so the first failure found is usually a small one), and on failure
 * names the seed that reproduces it ({@code -Dring.seed=...}). jqwik is not used: from 1.10 its
 * maintainers ask that it not be used by AI coding agents, which wrote this code (docs/decisions.md).
 */
final class Trials {
    private Trials() {
    }

    /** Runs {@code property} {@code tries} times, each with its own generator. */
    static void check(int tries, Consumer<Gen> property) {
        String fixed = System.getProperty("ring.seed");
        long base = fixed != null ? Long.parseLong(fixed) : new SplittableRandom().nextLong();
        for (int t = 0; t < tries; t++) {
            long seed = base + t;
            Gen gen = new Gen(seed, 1 + (t * 20) / tries);
            try {
                property.accept(gen);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on trial " + t + " (size " + gen.size + "); reproduce this trial alone with -Dring.seed="
                        + seed + " ; generated: " + gen.log, e);
            }
            if (fixed != null) {
                return;
            }
        }
    }

    /** Generated values, each recorded so that a failure shows what it was given. */
    static final class Gen {
        final SplittableRandom random;
        final int size;
        final StringBuilder log = new StringBuilder();

        Gen(long seed, int size) {
            this.random = new SplittableRandom(seed);
            this.size = size;
        }

        int intIn(String what, int min, int max) {
            int v = min + random.nextInt(max - min + 1);
            log.append(what).append('=').append(v).append(' ');
            return v;
        }

        long anyLong() {
            return random.nextLong();
        }

        /**
         * A member name from few characters, so that names are short, share prefixes and collide
         * (a joining member may already be there).
         */
        String name(String what) {
            String n = rawName();
            log.append(what).append('=').append(n).append(' ');
            return n;
        }

        /** 1 to {@code size} distinct member names. */
        TreeSet<String> members() {
            int n = 1 + random.nextInt(size);
            TreeSet<String> names = new TreeSet<>();
            while (names.size() < n) {
                names.add(rawName());
            }
            log.append("members=").append(names).append(' ');
            return names;
        }

        private String rawName() {
            String chars = "ab:1.";
            int len = 1 + random.nextInt(6);
            StringBuilder b = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                b.append(chars.charAt(random.nextInt(chars.length())));
            }
            return b.toString();
        }
    }
}
