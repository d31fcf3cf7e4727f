package dev.lazarus.internal.cluster;

import dev.lazarus.internal.ring.KeyHash;
import org.jgroups.Address;
import org.jgroups.blocks.ResponseMode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves data after a view change, on a background thread, while reads and writes go on. For each
 * entry of each local share: every owner in the new view that did not hold the key before (see
 * {@link Membership#ownersBefore}) is sent a copy, by one of the members that did, or by a member
 * that holds it without having owned it (a leftover copy; on a member's first view, what it
 * recovered from its own log: after a double failure that may be the only copy); an entry this
 * member no longer owns is dropped once all its new owners have it. Only keys whose owners changed travel. A newer view cancels
 * the work for the older one (the newer one recomputes from the shares as they are then).
 */
final class Rebalancer {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    private static final int BATCH = 512;
    private static final long TRANSFER_TIMEOUT_MS = 15_000;

    private final ClusterNode node;
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lazarus-rebalance");
        t.setDaemon(true);
        return t;
    });

    Rebalancer(ClusterNode node) {
        this.node = node;
    }

    /** {@code everything}: a map registered after the view: treat its whole share as moving. */
    void submit(Membership m, boolean everything) {
        if (m == null) {
            return;
        }
        long g = generation.incrementAndGet();
        worker.execute(() -> {
            try {
                run(m, g, everything);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Lazarus could not finish moving data after a view change: " + e, e);
            }
        });
    }

    /** Until everything reached its new owners (retrying every two seconds), or a newer view takes over. */
    private void run(Membership m, long g, boolean everything) {
        Map<String, Integer> sent = new LinkedHashMap<>();
        List<ClusterNode.MapState> pending = new ArrayList<>(node.maps());
        while (!pending.isEmpty()) {
            for (ClusterNode.MapState map : List.copyOf(pending)) {
                int n = move(m, g, map, everything);
                if (n == SUPERSEDED) {
                    return;
                }
                if (n != INCOMPLETE) {
                    sent.put(map.name(), n);
                    pending.remove(map);
                }
            }
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        if (generation.get() == g) {
            node.finished(m, sent);
        }
    }

    private static final int SUPERSEDED = -1, INCOMPLETE = -2;

    /** Returns the number of entries sent, {@link #SUPERSEDED} or {@link #INCOMPLETE} (some member did not take its copies). */
    private int move(Membership m, long g, ClusterNode.MapState map, boolean everything) {
        String self = node.self();
        boolean firstLook = everything || m.first();
        Map<String, List<Map.Entry<Object, Versioned>>> outgoing = new HashMap<>();
        List<Map.Entry<Object, Versioned>> leaving = new ArrayList<>();
        Map<Object, List<String>> ownersOf = new HashMap<>();
        for (Map.Entry<Object, Versioned> e : map.share().snapshot()) {
            long h = KeyHash.of(e.getKey());
            List<String> owners = m.owners(h);
            Set<String> before = firstLook ? Set.of() : m.ownersBefore(h);
            // of the members that held the key before, one sends it (they all hold the acknowledged writes);
            // on a first look, what this member recovered from its own log (not what others sent it since)
            boolean sender = before.contains(self) ? self.equals(Collections.min(before))
                    : !firstLook || map.recovered().contains(e.getKey());
            for (String o : owners) {
                if (sender && !o.equals(self) && !before.contains(o)) {
                    outgoing.computeIfAbsent(o, k -> new ArrayList<>()).add(e);
                }
            }
            if (!owners.contains(self)) {
                leaving.add(e);
                ownersOf.put(e.getKey(), owners);
            }
        }
        Set<String> failed = new HashSet<>();
        int sent = 0;
        for (Map.Entry<String, List<Map.Entry<Object, Versioned>>> dest : outgoing.entrySet()) {
            Address addr = m.addresses.get(dest.getKey());
            List<Map.Entry<Object, Versioned>> entries = dest.getValue();
            for (int from = 0; from < entries.size(); from += BATCH) {
                if (generation.get() != g) {
                    return -1;
                }
                List<Map.Entry<Object, Versioned>> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
                Frames.Out out = new Frames.Out(Frames.TRANSFER).string(map.name()).integer(batch.size());
                for (Map.Entry<Object, Versioned> e : batch) {
                    out.entry(e.getKey(), e.getValue());
                }
                if (node.call(List.of(addr), out.bytes(), ResponseMode.GET_ALL, TRANSFER_TIMEOUT_MS, null).isEmpty()) {
                    failed.add(dest.getKey());
                    break;
                }
                sent += batch.size();
            }
        }
        for (Map.Entry<Object, Versioned> e : leaving) {
            if (ownersOf.get(e.getKey()).stream().noneMatch(failed::contains)) {
                map.share().dropIf(e.getKey(), e.getValue().version());
            }
        }
        if (!failed.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Lazarus could not copy entries of " + map.name() + " to " + failed
                    + " yet; retrying");
            return INCOMPLETE;
        }
        if (firstLook) {
            map.recovered().clear(); // its owners have it now
        }
        return sent;
    }

    void stop() {
        generation.incrementAndGet();
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
