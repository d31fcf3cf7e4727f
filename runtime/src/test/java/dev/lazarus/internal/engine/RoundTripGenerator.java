package dev.lazarus.internal.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the next operation of a history from the model's current state, so that every
 * operation is valid where it is applied (an index inside the list, a node that is reachable).
 * Reachable nodes are named, new nodes get labels never used before, and a node that became
 * unreachable during this run may be linked back (the application still holds it; a snapshot in
 * between may have marked it, see {@code Unreachable}). One unreachable since an earlier run is never
 * named: recovery does not bring it back, so naming it would compare a fresh node with an old one.
 */
final class RoundTripGenerator {
    /** A record value for {@code any} and collections: the codec stores records by their components. */
    record Point(int x, String name) {
    }

    private static final String[] KEYS = {"a", "b", "B", "c", "dd", "e", "ff", "g"};
    private static final String[] STRINGS = {"", "x", "yy", "zzz", "déjà vu", "\u00e9\u4e2d\ud83d\ude00", "a\nb"};

    private final Random rnd;
    private int nextLabel = 1; // 0 is the root
    /** New collections take the kinds in turn: every kind gets its share of a history. */
    private int nextKind;
    private final List<RoundTripBag> kinds = RoundTripBag.usable();

    RoundTripGenerator(Random rnd) {
        this.rnd = rnd;
    }

    /** Labels of nodes the durable world still holds but no root reaches: they may be linked back. */
    private List<Integer> unreachable = List.of();

    RoundTripOp next(RoundTripWorld model, RoundTripWorld durable) {
        List<RoundTripNode> live = RoundTripShape.reachable(model.root);
        java.util.Set<Integer> reachable = new java.util.HashSet<>();
        live.forEach(x -> reachable.add(x.label));
        unreachable = durable.labels().stream().filter(l -> !reachable.contains(l)).sorted().toList();
        RoundTripNode n = pick(live);
        int r = rnd.nextInt(100);
        if (r < 16) {
            return primitive(n.label);
        } else if (r < 20) {
            return new RoundTripOp.SetString(n.label, rnd.nextInt(5) == 0 ? null : pick(STRINGS) + rnd.nextInt(3));
        } else if (r < 25) {
            return new RoundTripOp.SetAny(n.label, rnd.nextInt(6) == 0 ? null : richValue());
        } else if (r < 37) {
            return new RoundTripOp.Link(n.label, rnd.nextBoolean(), rnd.nextInt(5) == 0 ? null : nodeRef(live));
        }
        List<RoundTripNode> withBag = live.stream().filter(x -> x.bag != null).toList();
        if (r < 41 && (n.bag == null || rnd.nextInt(4) == 0)) {
            return newBag(n.label); // mostly where there is none: a collection lives long enough to see many calls
        }
        if (r < 43 && !withBag.isEmpty()) {
            return new RoundTripOp.ShareBag(n.label, pick(withBag).label);
        } else if (r < 82) {
            return withBag.isEmpty() ? newBag(n.label) : bagCall(holderOfSomeKind(withBag), live);
        } else if (r < 85) {
            return new RoundTripOp.NewArray(n.label, pick(new Character[] {'i', 'r', 'o'}), 1 + rnd.nextInt(6));
        }
        char array = pick(new Character[] {'i', 'r', 'o'});
        List<RoundTripNode> withArray = live.stream().filter(x -> arrayOf(x, array) != null).toList();
        if (withArray.isEmpty()) {
            return new RoundTripOp.NewArray(n.label, array, 1 + rnd.nextInt(6));
        }
        RoundTripNode holder = pick(withArray);
        int length = java.lang.reflect.Array.getLength(arrayOf(holder, array));
        if (r < 87) {
            return new RoundTripOp.ShareArray(n.label, array, holder.label);
        } else if (r < 95) {
            Object v = array == 'i' ? (Object) rnd.nextInt() : array == 'r' ? (Object) interestingDouble()
                    : rnd.nextBoolean() ? nodeRef(live) : rnd.nextInt(4) == 0 ? null : richValue();
            return new RoundTripOp.Store(holder.label, array, rnd.nextInt(length), v);
        } else if (r < 98 || array != 'i') {
            int from = rnd.nextInt(length);
            int to = rnd.nextInt(length);
            return new RoundTripOp.Copy(holder.label, array, from, to, rnd.nextInt(length - Math.max(from, to) + 1));
        }
        return new RoundTripOp.Fill(holder.label, rnd.nextInt(100));
    }

    private RoundTripOp newBag(int label) {
        return new RoundTripOp.NewBag(label, kinds.get(nextKind++ % kinds.size()));
    }

    /** A kind first, then a holder of it: each kind present gets its share of calls, however many hold the others. */
    private RoundTripNode holderOfSomeKind(List<RoundTripNode> withBag) {
        List<RoundTripBag> present = withBag.stream().map(x -> RoundTripBag.of(x.bag)).distinct().toList();
        RoundTripBag kind = pick(present);
        return pick(withBag.stream().filter(x -> RoundTripBag.of(x.bag) == kind).toList());
    }

    private static Object arrayOf(RoundTripNode n, char array) {
        return array == 'i' ? n.ints : array == 'r' ? n.reals : n.refs;
    }

    private RoundTripOp primitive(int label) {
        char field = "ildfzcsb".charAt(rnd.nextInt(8));
        long bits = switch (field) {
            case 'd' -> Double.doubleToRawLongBits(interestingDouble());
            case 'f' -> Float.floatToRawIntBits(pick(new Float[] {0f, -0f, Float.NaN, Float.MIN_VALUE, rnd.nextFloat() * 1e6f}));
            case 'z' -> rnd.nextInt(2);
            default -> pick(new Long[] {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, rnd.nextLong(), (long) rnd.nextInt(300)});
        };
        return new RoundTripOp.SetPrimitive(label, field, bits);
    }

    private double interestingDouble() {
        return pick(new Double[] {0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, rnd.nextDouble() * 1e9});
    }

    private RoundTripOp bagCall(RoundTripNode holder, List<RoundTripNode> live) {
        Object bag = holder.bag;
        RoundTripBag kind = RoundTripBag.of(bag);
        int size = bag instanceof Map<?, ?> m ? m.size() : ((Collection<?>) bag).size();
        List<RoundTripCall> calls = new ArrayList<>();
        for (RoundTripCall c : RoundTripCall.values()) {
            if (c.family.isInstance(bag) && (c.index != RoundTripCall.Index.EXISTING || size > 0)) {
                calls.add(c);
            }
        }
        // collections grow more than they shrink (small ones mostly grow; clears are rare), so that
        // orders and contents have something to show when a run ends
        List<RoundTripCall> growing = calls.stream().filter(RoundTripCall::grows).toList();
        RoundTripCall call = size < 6 && rnd.nextInt(5) < 3 ? pick(growing) : pick(calls);
        if (call.name().contains("CLEAR") && rnd.nextInt(3) != 0) {
            call = pick(growing);
        }
        int index = switch (call.index) {
            case NONE -> 0;
            case INSERT -> rnd.nextInt(size + 1);
            case EXISTING -> rnd.nextInt(size);
        };
        Object a = argument(call.a, kind, live, index, size);
        Object b = argument(call.b, kind, live, index, size);
        return new RoundTripOp.BagCall(holder.label, call, a, b, index);
    }

    private Object argument(RoundTripCall.Arg arg, RoundTripBag kind, List<RoundTripNode> live, int index, int size) {
        switch (arg) {
            case NONE:
                return null;
            case KEY:
                return pick(KEYS);
            case ELEMENT:
            case VALUE:
                return element(kind, live, kind.nulls);
            case NON_NULL_VALUE:
                return element(kind, live, false);
            case END:
                return index + rnd.nextInt(size - index + 1);
            case ELEMENTS:
            case PAIRS: {
                List<Object> values = new ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    if (arg == RoundTripCall.Arg.PAIRS) {
                        values.add(pick(KEYS));
                    }
                    values.add(element(kind, live, kind.nulls));
                }
                return new RoundTripWorld.Args(values);
            }
            default:
                throw new IllegalArgumentException(arg.toString());
        }
    }

    /** An element or map value: keys only for the sorted kinds (nodes are not Comparable). */
    private Object element(RoundTripBag kind, List<RoundTripNode> live, boolean nulls) {
        if (!kind.nodes) {
            return pick(KEYS);
        }
        int r = rnd.nextInt(10);
        if (r == 0 && nulls) {
            return null;
        } else if (r < 4) {
            return nodeRef(live);
        } else if (r < 6) {
            return rnd.nextInt(20);
        } else if (r < 8) {
            return pick(KEYS);
        }
        return richValue();
    }

    /** A new node (a label never used), a reachable one, or one this run made unreachable. */
    private RoundTripWorld.Ref nodeRef(List<RoundTripNode> live) {
        int r = rnd.nextInt(6);
        if (r == 0 && !unreachable.isEmpty()) {
            return new RoundTripWorld.Ref(pick(unreachable));
        }
        return new RoundTripWorld.Ref(r < 2 ? nextLabel++ : pick(live).label);
    }

    private Object richValue() {
        return switch (rnd.nextInt(17)) {
            case 0 -> rnd.nextInt();
            case 1 -> rnd.nextLong();
            case 2 -> interestingDouble();
            case 3 -> rnd.nextFloat();
            case 4 -> (short) rnd.nextInt();
            case 5 -> (byte) rnd.nextInt();
            case 6 -> (char) ('A' + rnd.nextInt(26));
            case 7 -> rnd.nextBoolean();
            case 8 -> new BigDecimal(BigInteger.valueOf(rnd.nextLong()), rnd.nextInt(20) - 10);
            case 9 -> BigInteger.valueOf(rnd.nextLong()).shiftLeft(rnd.nextInt(100));
            case 10 -> new UUID(rnd.nextLong(), rnd.nextLong());
            case 11 -> LocalDate.ofEpochDay(rnd.nextInt(100_000));
            case 12 -> Instant.ofEpochSecond(rnd.nextInt(), rnd.nextInt(1_000_000_000));
            case 13 -> Duration.ofMillis(rnd.nextInt());
            case 14 -> pick(RoundTripBag.values()); // an enum constant
            case 15 -> new Point(rnd.nextInt(10), pick(STRINGS));
            default -> List.of(rnd.nextInt(5), pick(STRINGS));
        };
    }

    private <T> T pick(T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }
}
