package dev.lazarus.internal.record;

import dev.lazarus.internal.hook.Tracked;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value codec, in process: every kind of value it stores, generated at random (seeded, the seed
 * printed with any failure), written into one buffer one after the other and read back, must come
 * back equal, references to tracked objects and arrays as the same objects, and the buffer must end
 * exactly where the last value does.
 */
class ValueCodecRoundTripTest {
    enum Colour { RED, GREEN, BLUE }

    record Point(int x, long y, String label) {
    }

    record Nested(Point point, List<Object> parts, Colour colour, double weight, char initial) {
    }

    /** A stand-in for an instrumented object: only its id matters to the codec. */
    static final class Node implements Tracked {
        private long oid;

        Node(long oid) {
            this.oid = oid;
        }

        @Override
        public long $lz$oid() {
            return oid;
        }

        @Override
        public void $lz$oid(long oid) {
            this.oid = oid;
        }
    }

    /** Both sides of the dictionary and the object table, as the engine and the replayer hold them. */
    private static final class Tables implements ValueCodec.Writing, ValueCodec.Reading {
        final List<Class<?>> classes = new ArrayList<>();
        final Map<Long, Object> objects = new HashMap<>();
        final Map<Object, Long> arrayIds = new java.util.IdentityHashMap<>();

        @Override
        public int classId(Class<?> c) {
            int i = classes.indexOf(c);
            if (i < 0) {
                classes.add(c);
                i = classes.size() - 1;
            }
            return i;
        }

        @Override
        public long oidOf(Object trackedOrArray) {
            return trackedOrArray instanceof Tracked t ? t.$lz$oid() : arrayIds.get(trackedOrArray);
        }

        @Override
        public Class<?> classFor(int id) {
            return classes.get(id);
        }

        @Override
        public Object objectFor(long oid) {
            return objects.get(oid);
        }
    }

    private static final class Generator {
        final Random random;
        final Tables tables;
        long nextOid = 1;

        Generator(long seed, Tables tables) {
            this.random = new Random(seed);
            this.tables = tables;
        }

        /** Any value a field can hold: immutable ones, references, and the mutable JDK values. */
        Object any() {
            switch (random.nextInt(8)) {
                case 0:
                    return reference();
                case 1:
                    return mutable();
                default:
                    return immutable(2);
            }
        }

        Object reference() {
            long oid = nextOid++;
            Object o = random.nextBoolean() ? new Node(oid) : new int[random.nextInt(4)];
            if (!(o instanceof Tracked)) {
                tables.arrayIds.put(o, oid);
            }
            tables.objects.put(oid, o);
            return o;
        }

        Object mutable() {
            switch (random.nextInt(7)) {
                case 0: {
                    BitSet bits = new BitSet();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        bits.set(random.nextInt(300));
                    }
                    return bits;
                }
                case 1: return new StringBuilder(string());
                case 2: {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    byte[] b = new byte[random.nextInt(40)];
                    random.nextBytes(b);
                    out.writeBytes(b);
                    return out;
                }
                case 3: return new AtomicInteger(random.nextInt());
                case 4: return new AtomicLong(random.nextLong());
                case 5: return new AtomicBoolean(random.nextBoolean());
                default: return new AtomicReference<>(random.nextBoolean() ? reference() : immutable(1));
            }
        }

        /** An immutable value; {@code depth} bounds records and immutable collections inside it. */
        Object immutable(int depth) {
            int kinds = depth > 0 ? 22 : 18;
            switch (random.nextInt(kinds)) {
                case 0: return null;
                case 1: return random.nextBoolean();
                case 2: return (byte) random.nextInt();
                case 3: return (short) random.nextInt();
                case 4: return (char) random.nextInt(Character.MAX_VALUE + 1);
                case 5: return pick(random.nextInt(), Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
                case 6: return pick(random.nextLong(), Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L << 62);
                case 7: return pick(random.nextFloat(), Float.NaN, -0.0f, Float.NEGATIVE_INFINITY, Float.MIN_VALUE);
                case 8: return pick(random.nextGaussian(), Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.MAX_VALUE);
                case 9: return string();
                case 10: return Colour.values()[random.nextInt(3)];
                case 11: return new BigDecimal(new BigInteger(80, random), random.nextInt(20) - 10);
                case 12: return new BigInteger(130, random).subtract(BigInteger.ONE.shiftLeft(129));
                case 13: return new UUID(random.nextLong(), random.nextLong());
                case 14: return Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
                case 15: return LocalDate.ofEpochDay(random.nextInt(2_000_000) - 1_000_000);
                case 16: return random.nextBoolean() ? Duration.ofNanos(random.nextLong())
                        : LocalDateTime.ofEpochSecond(random.nextInt(), 0, ZoneOffset.UTC);
                case 17: return TimeUnit.values()[random.nextInt(TimeUnit.values().length)];
                case 18: return new Point(random.nextInt(), random.nextLong(), random.nextBoolean() ? null : string());
                case 19: return new Nested(new Point(1, 2, "p"), listOf(depth - 1), Colour.BLUE, random.nextDouble(),
                        (char) ('a' + random.nextInt(26)));
                case 20: return listOf(depth - 1);
                default: return random.nextBoolean() ? setOf(depth - 1) : mapOf(depth - 1);
            }
        }

        List<Object> listOf(int depth) {
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                Object v = immutable(depth);
                if (v != null) {
                    list.add(v);
                }
            }
            return List.copyOf(list);
        }

        Set<Object> setOf(int depth) {
            Set<Object> set = new LinkedHashSet<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                Object v = immutable(depth);
                if (v != null && !(v instanceof Float || v instanceof Double)) { // NaN and -0.0 break set equality
                    set.add(v);
                }
            }
            return Set.copyOf(set);
        }

        Map<Object, Object> mapOf(int depth) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                Object v = immutable(depth);
                if (v != null) {
                    map.put(string(), v);
                }
            }
            return Map.copyOf(map);
        }

        String string() {
            int n = random.nextInt(4) == 0 ? 300 + random.nextInt(300) : random.nextInt(12);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.appendCodePoint(random.nextInt(8) == 0 ? 0x1F600 + random.nextInt(50) : 32 + random.nextInt(0x3000));
            }
            return s.toString();
        }

        @SafeVarargs
        private <T> T pick(T usual, T... edges) {
            return random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : usual;
        }
    }

    /** What must survive: content for the mutable values, identity for references, equals for the rest. */
    private static Object comparable(Object v) {
        if (v instanceof Tracked || (v != null && v.getClass().isArray())) {
            return "ref@" + System.identityHashCode(v);
        } else if (v instanceof StringBuilder sb) {
            return "StringBuilder:" + sb;
        } else if (v instanceof ByteArrayOutputStream out) {
            return "bytes:" + Arrays.toString(out.toByteArray());
        } else if (v instanceof AtomicInteger || v instanceof AtomicLong || v instanceof AtomicBoolean) {
            return v.getClass().getSimpleName() + ":" + v;
        } else if (v instanceof AtomicReference<?> r) {
            return Arrays.asList("AtomicReference", comparable(r.get())); // not toString: Map.of's order varies
        }
        return v;
    }

    @Test
    void everyKindOfValueReadsBackAsWritten() {
        long base = Long.getLong("lazarus.test.seed", 20261205L);
        for (int round = 0; round < 200; round++) {
            long seed = base + round;
            Tables tables = new Tables();
            Generator g = new Generator(seed, tables);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                values.add(g.any());
            }
            RecordBuffer out = new RecordBuffer(16);
            for (Object v : values) {
                ValueCodec.write(out, v, tables);
            }
            RecordBuffer in = new RecordBuffer(0);
            in.reset(Arrays.copyOf(out.array(), out.length()), 0, out.length());
            for (int i = 0; i < values.size(); i++) {
                Object written = values.get(i);
                Object read = ValueCodec.read(in, tables);
                assertThat(comparable(read)).as("seed %d (-Dlazarus.test.seed=%d), value %d: %s", seed, seed, i, written)
                        .isEqualTo(comparable(written));
                if (written instanceof Tracked || (written != null && written.getClass().isArray())) {
                    assertThat(read).as("seed %d, value %d: the same object", seed, i).isSameAs(written);
                }
            }
            assertThat(in.hasMore()).as("seed %d: nothing left after the last value", seed).isFalse();
        }
    }

    @Test
    void anUntrackableValueIsWrittenAsNull() {
        Tables tables = new Tables();
        RecordBuffer out = new RecordBuffer(16);
        ValueCodec.write(out, new java.util.concurrent.atomic.LongAdder(), tables);
        RecordBuffer in = new RecordBuffer(0);
        in.reset(out.array(), 0, out.length());
        assertThat(ValueCodec.read(in, tables)).isNull();
        assertThat(in.hasMore()).isFalse();
    }
}
