package dev.lazarus.internal.cluster;

import dev.lazarus.ClusterException;
import dev.lazarus.internal.record.WireCodec;
import dev.lazarus.internal.ring.KeyHash;
import org.jgroups.Address;
import org.jgroups.blocks.ResponseMode;
import org.jgroups.blocks.RspFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@code @Distributed} field holds in a cluster: a {@code Map} whose entries live on the
 * members the ring names for each key. {@code put} and {@code remove} return once {@code replicas}
 * owners applied the write, all in the same view, or throw {@link ClusterException}; {@code get}
 * reads this member's share when it owns a key that is not moving, else asks the owners (and,
 * while the key is still on its way after a view change, every member) and takes the newest
 * version. {@code size}, iteration and views are snapshots gathered from every member. Null keys
 * and null values are refused (as in {@code ConcurrentHashMap}).
 */
final class DistributedMap<K, V> extends AbstractMap<K, V> {
    private static final long OP_TIMEOUT_MS = 15_000;
    private static final long RPC_TIMEOUT_MS = 3_000;

    private final ClusterNode node;
    private final ClusterNode.MapState state;

    DistributedMap(ClusterNode node, ClusterNode.MapState state) {
        this.node = node;
        this.state = state;
    }

    // ------------------------------------------------------------------ reads

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        Versioned v = read(key);
        return v == null || v.tombstone() ? null : (V) v.value();
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    private Versioned read(Object key) {
        long hash = hash(key);
        long deadline = System.currentTimeMillis() + OP_TIMEOUT_MS;
        while (true) {
            Membership m = awaitMembership(deadline);
            List<String> owners = m.owners(hash);
            boolean moving = m.moving(hash) && !node.settled(m);
            if (!moving && owners.contains(node.self())) {
                return state.share().get(key);
            }
            List<String> asked = new ArrayList<>(moving ? m.addresses.keySet() : owners);
            Versioned newest = null;
            boolean answered = false;
            if (asked.remove(node.self())) {
                newest = state.share().get(key);
                answered = true;
            }
            byte[] req = new Frames.Out(Frames.GET).string(state.name()).value(key).bytes();
            // a key that is not moving is complete on every owner: the first answer will do
            RspFilter filter = moving ? null : firstAnswer();
            for (byte[] a : node.call(addresses(m, asked), req, ResponseMode.GET_ALL, RPC_TIMEOUT_MS, filter)) {
                answered = true;
                newest = newer(newest, entryOf(a));
            }
            if (answered) {
                return newest;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ClusterException("no owner of key " + key + " of " + state.name() + " answered within "
                        + OP_TIMEOUT_MS / 1000 + " s (owners " + owners + ")");
            }
            pause();
        }
    }

    private static RspFilter firstAnswer() {
        return new RspFilter() {
            private boolean ok;

            @Override
            public boolean isAcceptable(Object response, Address sender) {
                boolean good = response instanceof byte[] b && b.length > 0 && b[0] == Frames.OK;
                ok |= good;
                return good;
            }

            @Override
            public boolean needMoreResponses() {
                return !ok;
            }
        };
    }

    // ------------------------------------------------------------------ writes

    @Override
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        Objects.requireNonNull(value, "a @Distributed map holds no null values (remove the key instead)");
        WireCodec.check(value, "the value for key " + key);
        Versioned before = write(key, value);
        return before == null || before.tombstone() ? null : (V) before.value();
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        Versioned before = write(key, null);
        return before == null || before.tombstone() ? null : (V) before.value();
    }

    /**
     * Stores {@code value} (null: a tombstone) under a fresh version on the key's owners in one
     * view, retrying with each new view until {@code replicas} of them applied it.
     */
    private Versioned write(Object key, Object value) {
        long hash = hash(key);
        Versioned e = new Versioned(node.clock.next(), value);
        long deadline = System.currentTimeMillis() + OP_TIMEOUT_MS;
        String problem;
        while (true) {
            Membership m = awaitMembership(deadline);
            List<String> owners = m.owners(hash);
            if (owners.size() < m.replicas) {
                problem = "the view has " + owners.size() + " member(s), fewer than replicas=" + m.replicas;
            } else {
                int applied = 0;
                Versioned before = null;
                List<String> remote = new ArrayList<>(owners);
                if (remote.remove(node.self())) {
                    Versioned b = node.applyInView(state, m.viewId, key, e);
                    if (b != ClusterNode.Rejected.WRONG_VIEW) {
                        applied++;
                        before = b;
                    }
                }
                byte[] req = new Frames.Out(Frames.PUT).string(state.name()).viewId(m.viewId).entry(key, e).bytes();
                for (byte[] a : node.call(addresses(m, remote), req, ResponseMode.GET_ALL, RPC_TIMEOUT_MS, null)) {
                    applied++;
                    before = newer(before, entryOf(a));
                }
                if (applied >= m.replicas) {
                    return before;
                }
                problem = applied + " of the owners " + owners + " applied it";
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ClusterException((value == null ? "remove" : "put") + " of key " + key + " in " + state.name()
                        + " not acknowledged by replicas=" + m.replicas + " members within " + OP_TIMEOUT_MS / 1000
                        + " s: " + problem + ". Some members may have stored it; a later write to the key wins");
            }
            pause();
        }
    }

    // ------------------------------------------------------------------ whole-map operations

    @Override
    public int size() {
        return gather().size();
    }

    @Override
    public boolean isEmpty() {
        return gather().isEmpty();
    }

    @Override
    public void clear() {
        for (Object k : gather().keySet()) {
            remove(k);
        }
    }

    /** A snapshot gathered from every member; removing through it removes from the cluster. */
    @Override
    public Set<Entry<K, V>> entrySet() {
        Map<K, V> snapshot = gather();
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> it = snapshot.entrySet().iterator();
                return new Iterator<>() {
                    private Entry<K, V> last;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        Entry<K, V> e = it.next();
                        last = e;
                        return new SimpleEntry<>(e.getKey(), e.getValue()) {
                            @Override
                            public V setValue(V value) {
                                super.setValue(value);
                                return put(e.getKey(), value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException();
                        }
                        DistributedMap.this.remove(last.getKey());
                        it.remove();
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return snapshot.size();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> gather() {
        long deadline = System.currentTimeMillis() + OP_TIMEOUT_MS;
        Membership m = awaitMembership(deadline);
        Map<Object, Versioned> newest = new HashMap<>();
        for (Map.Entry<Object, Versioned> e : state.share().snapshot()) {
            newest.merge(e.getKey(), e.getValue(), DistributedMap::newer);
        }
        List<String> others = new ArrayList<>(m.addresses.keySet());
        others.remove(node.self());
        byte[] req = new Frames.Out(Frames.ENTRIES).string(state.name()).bytes();
        for (byte[] a : node.call(addresses(m, others), req, ResponseMode.GET_ALL, RPC_TIMEOUT_MS, null)) {
            try {
                Frames.In in = new Frames.In(a, 1, a.length - 1);
                int n = in.integer();
                for (int i = 0; i < n; i++) {
                    Map.Entry<Object, Versioned> e = in.entry(state.loader());
                    newest.merge(e.getKey(), e.getValue(), DistributedMap::newer);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        Map<K, V> out = new LinkedHashMap<>();
        newest.forEach((k, v) -> {
            if (!v.tombstone()) {
                out.put((K) k, (V) v.value());
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private static long hash(Object key) {
        Objects.requireNonNull(key, "a @Distributed map holds no null keys");
        return KeyHash.of(key);
    }

    private Membership awaitMembership(long deadline) {
        Membership m = node.membership();
        while (m == null) {
            if (System.currentTimeMillis() > deadline) {
                throw new ClusterException("this member has not joined cluster " + node.settings.name() + " yet");
            }
            pause();
            m = node.membership();
        }
        return m;
    }

    private static List<Address> addresses(Membership m, List<String> names) {
        List<Address> out = new ArrayList<>(names.size());
        for (String n : names) {
            Address a = m.addresses.get(n);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** The entry in an answer ({@code OK}, then 0, or 1 and an entry), or null. */
    private Versioned entryOf(byte[] answer) {
        try {
            Frames.In in = new Frames.In(answer, 1, answer.length - 1);
            return in.integer() == 0 ? null : in.entry(state.loader()).getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Versioned newer(Versioned a, Versioned b) {
        if (a == null) {
            return b;
        }
        return b == null || a.version() >= b.version() ? a : b;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the cluster");
        }
    }

    @Override
    public String toString() {
        return "@Distributed map " + state.name() + " on " + node.settings.describe();
    }
}
