package dev.lazarus.internal.engine;

import dev.lazarus.internal.hook.Hooks;

import java.util.Arrays;

/**
 * One step of a generated history, applied alike to the durable graph and to the model. On the
 * durable side it goes through what instrumented code calls: the node's setters, the tracked
 * collections, {@code Hooks.store*}/{@code arraycopy}/{@code arrayWrittenAll} for array writes, and
 * {@code Hooks.begin/end} for the entry and exit of an {@code @Atomic} method. The model takes plain
 * stores and no transactions. The records' text is the history printed with a failure.
 */
sealed interface RoundTripOp {
    void apply(RoundTripWorld w);

    /** A primitive field, by its one-letter name, set to the value of {@code bits}. */
    record SetPrimitive(int node, char field, long bits) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            RoundTripNode n = w.node(node);
            switch (field) {
                case 'i' -> n.setI((int) bits);
                case 'l' -> n.setL(bits);
                case 'd' -> n.setD(Double.longBitsToDouble(bits));
                case 'f' -> n.setF(Float.intBitsToFloat((int) bits));
                case 'z' -> n.setZ((bits & 1) != 0);
                case 'c' -> n.setC((char) bits);
                case 's' -> n.setS((short) bits);
                case 'b' -> n.setB((byte) bits);
                default -> throw new IllegalArgumentException("field " + field);
            }
        }
    }

    record SetString(int node, String value) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            w.node(node).setStr(value);
        }
    }

    /** The Object field {@code any} set to an inline value. */
    record SetAny(int node, Object value) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            w.node(node).setAny(value);
        }
    }

    /** {@code left} or {@code right} set to a node (a new one, an existing one, itself) or null. */
    record Link(int node, boolean left, RoundTripWorld.Ref target) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            RoundTripNode t = target == null ? null : w.node(target.label());
            if (left) {
                w.node(node).setLeft(t);
            } else {
                w.node(node).setRight(t);
            }
        }
    }

    record NewBag(int node, RoundTripBag kind) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            w.node(node).setBag(kind.create(w.durable));
        }
    }

    /** {@code node.bag = from.bag}: one collection reached two ways. */
    record ShareBag(int node, int from) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            w.node(node).setBag(w.node(from).bag);
        }
    }

    record BagCall(int node, RoundTripCall call, Object a, Object b, int index) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            call.apply(w.node(node).bag, w.resolve(a), w.resolve(b), index);
        }
    }

    /** A new array in field {@code ints}, {@code reals} or {@code refs} (by its first letter). */
    record NewArray(int node, char array, int length) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            RoundTripNode n = w.node(node);
            switch (array) {
                case 'i' -> n.setInts(new int[length]);
                case 'r' -> n.setReals(new double[length]);
                default -> n.setRefs(new Object[length]);
            }
        }
    }

    record ShareArray(int node, char array, int from) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            RoundTripNode n = w.node(node);
            RoundTripNode f = w.node(from);
            switch (array) {
                case 'i' -> n.setInts(f.ints);
                case 'r' -> n.setReals(f.reals);
                default -> n.setRefs(f.refs);
            }
        }
    }

    /** One element store ({@code a[i] = v}), rewritten by the agent into {@code Hooks.store*}. */
    record Store(int node, char array, int index, Object value) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            RoundTripNode n = w.node(node);
            Object v = w.resolve(value);
            switch (array) {
                case 'i' -> {
                    if (w.durable) {
                        Hooks.storeInt(n.ints, index, (Integer) v);
                    } else {
                        n.ints[index] = (Integer) v;
                    }
                }
                case 'r' -> {
                    if (w.durable) {
                        Hooks.storeDouble(n.reals, index, (Double) v);
                    } else {
                        n.reals[index] = (Double) v;
                    }
                }
                default -> {
                    if (w.durable) {
                        Hooks.storeObject(n.refs, index, v);
                    } else {
                        n.refs[index] = v;
                    }
                }
            }
        }
    }

    /** {@code System.arraycopy} within one array, rewritten into {@code Hooks.arraycopy}. */
    record Copy(int node, char array, int from, int to, int length) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            RoundTripNode n = w.node(node);
            Object a = array == 'i' ? n.ints : array == 'r' ? n.reals : n.refs;
            if (w.durable) {
                Hooks.arraycopy(a, from, a, to, length);
            } else {
                System.arraycopy(a, from, a, to, length);
            }
        }
    }

    /** {@code Arrays.fill} of the int array, followed by the agent's {@code Hooks.arrayWrittenAll}. */
    record Fill(int node, int value) implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            int[] a = w.node(node).ints;
            Arrays.fill(a, value);
            if (w.durable) {
                Hooks.arrayWrittenAll(a);
            }
        }
    }

    /** Entry of an {@code @Atomic} method (nested ones join the outermost). */
    record Begin() implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            if (w.durable) {
                Hooks.begin();
            }
        }
    }

    /** Exit of an {@code @Atomic} method: the outermost one commits. */
    record End() implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            if (w.durable) {
                Hooks.end();
            }
        }
    }

    /** {@code Lazarus.checkpoint()}: a snapshot at the last safepoint (before any open transaction). */
    record Checkpoint() implements RoundTripOp {
        @Override
        public void apply(RoundTripWorld w) {
            if (w.durable) {
                Hooks.journal().checkpoint();
            }
        }
    }
}
