package dev.lazarus.internal.cluster;

import dev.lazarus.ClusterException;
import dev.lazarus.internal.ring.KeyHash;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.ViewId;
import org.jgroups.blocks.MessageDispatcher;
import org.jgroups.blocks.RequestHandler;
import org.jgroups.blocks.RequestOptions;
import org.jgroups.blocks.ResponseMode;
import org.jgroups.blocks.RspFilter;
import org.jgroups.util.Rsp;
import org.jgroups.util.RspList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * This JVM as a member of the cluster: the JGroups channel, the current {@link Membership}, the
 * local shares of the distributed maps, and the handler of the other members' requests. The
 * channel is opened when the first {@code @Distributed} map is assigned (after recovery), so a
 * member joins only once it can serve its share.
 */
final class ClusterNode implements RequestHandler, Receiver {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");

    final ClusterSettings settings;
    final HybridClock clock;
    private final Map<String, MapState> maps = new ConcurrentHashMap<>();
    private final Map<ViewId, Set<String>> done = new ConcurrentHashMap<>();
    /** Puts check the view and apply under the read lock; a new view is installed under the write lock. */
    private final ReadWriteLock viewLock = new ReentrantReadWriteLock();
    private final Rebalancer rebalancer;
    /** Entries copied to this member by others since it joined (counted whether or not they were newer). */
    private final AtomicLong received = new AtomicLong();
    private volatile Membership membership;
    private volatile long viewInstalledAt;
    private JChannel channel;
    private MessageDispatcher dispatcher;

    /**
     * One distributed map on this member: its share, the class loader of its keys and values, and
     * the keys its share held when it was recovered (sent to their owners by the first rebalance).
     */
    record MapState(String name, LocalShare share, ClassLoader loader, Set<Object> recovered) {
    }

    ClusterNode(ClusterSettings settings) {
        this.settings = settings;
        this.clock = new HybridClock(settings.bind());
        this.rebalancer = new Rebalancer(this);
    }

    String self() {
        return settings.bind();
    }

    /** Registers a map's local share; the first registration joins the cluster. */
    synchronized void register(MapState m) {
        maps.put(m.name(), m);
        if (channel == null) {
            join();
        } else {
            rebalancer.submit(membership, true);
        }
    }

    private void join() {
        try {
            channel = JGroupsStack.channel(settings);
            dispatcher = new MessageDispatcher(channel, this);
            dispatcher.setReceiver(this);
            channel.connect(settings.name());
        } catch (Exception e) {
            throw new ClusterException("cannot join cluster " + settings.name() + " as " + settings.bind() + ": " + e
                    + ". Check that the port is free and that bind is an address of this machine");
        }
        LOG.log(System.Logger.Level.INFO, "Lazarus joined " + settings.describe());
    }

    Collection<MapState> maps() {
        return maps.values();
    }

    Membership membership() {
        return membership;
    }

    // ------------------------------------------------------------------ views

    @Override
    public void viewAccepted(View view) {
        List<String> names = new ArrayList<>();
        for (Address a : view.getMembers()) {
            // the ring name (bind address) travels in the address itself: name caches may not know a new member yet
            String name = JGroupsStack.memberName(a);
            if (name == null) {
                LOG.log(System.Logger.Level.WARNING, "Lazarus ignores " + a + " in cluster " + settings.name()
                        + ": it is not a Lazarus member; give each cluster its own name and ports");
            }
            names.add(name);
        }
        Membership next;
        viewLock.writeLock().lock();
        try {
            next = membership == null ? Membership.first(view, names, settings.replicas()) : membership.next(view, names);
            membership = next;
            viewInstalledAt = System.nanoTime();
        } finally {
            viewLock.writeLock().unlock();
        }
        // announcements for older views are moot; one for a newer view may arrive before that view does
        done.keySet().removeIf(id -> id.getId() < view.getViewId().getId());
        LOG.log(System.Logger.Level.INFO, "Lazarus cluster " + settings.name() + ": view of " + next.addresses.size()
                + " members " + next.addresses.keySet() + "; moving what changed hands");
        rebalancer.submit(next, false);
    }

    /** Whether every member has finished moving its data for the view {@code m}. */
    boolean settled(Membership m) {
        Set<String> d = done.get(m.viewId);
        return d != null && d.containsAll(m.addresses.keySet());
    }

    /** Called by the rebalancer when this member has sent everything it had to for {@code m}. */
    void finished(Membership m, Map<String, Integer> sentPerMap) {
        markDone(m.viewId, self());
        List<Address> others = new ArrayList<>(m.addresses.values());
        others.remove(m.addresses.get(self()));
        if (!others.isEmpty()) {
            byte[] req = new Frames.Out(Frames.DONE).viewId(m.viewId).string(self()).bytes();
            try {
                dispatcher.castMessage(others, new BytesMessage(null, req).setFlag(Message.Flag.OOB),
                        new RequestOptions(ResponseMode.GET_NONE, 0, true));
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "could not announce the end of a rebalance", e);
            }
        }
        sentPerMap.forEach((name, sent) -> LOG.log(System.Logger.Level.DEBUG, "sent " + sent + " entries of " + name));
    }

    private void markDone(ViewId id, String member) {
        Set<String> d = done.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet());
        Membership m = membership;
        boolean wasSettled = m != null && m.viewId.equals(id) && settled(m);
        d.add(member);
        if (m != null && m.viewId.equals(id) && !wasSettled && settled(m)) {
            long ms = (System.nanoTime() - viewInstalledAt) / 1_000_000;
            for (MapState s : maps.values()) {
                LOG.log(System.Logger.Level.INFO, "Lazarus cluster " + settings.name() + ": settled in " + ms + " ms; "
                        + s.name() + " stores " + s.share().size() + " entries here, " + primaries(m, s)
                        + " as primary; received " + received.get() + " from other members since joining");
            }
        }
    }

    /** Live entries of {@code s} whose primary owner is this member. */
    private int primaries(Membership m, MapState s) {
        int n = 0;
        for (Map.Entry<Object, Versioned> e : s.share().snapshot()) {
            List<String> owners = m.owners(KeyHash.of(e.getKey()));
            if (!e.getValue().tombstone() && !owners.isEmpty() && owners.get(0).equals(self())) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ requests from other members

    @Override
    public Object handle(Message msg) throws Exception {
        Frames.In in = new Frames.In(msg.getArray(), msg.getOffset(), msg.getLength());
        byte type = in.type();
        if (type == Frames.DONE) {
            ViewId id = in.viewId();
            markDone(id, in.string());
            return null;
        }
        MapState m = maps.get(in.string());
        if (m == null) {
            return new byte[] {Frames.NOT_READY};
        }
        switch (type) {
            case Frames.PUT: {
                ViewId id = in.viewId();
                Map.Entry<Object, Versioned> e = in.entry(m.loader());
                Versioned before = applyInView(m, id, e.getKey(), e.getValue());
                if (before == Rejected.WRONG_VIEW) {
                    return new byte[] {Frames.WRONG_VIEW};
                }
                Frames.Out out = new Frames.Out(Frames.OK);
                return (before == null ? out.integer(0) : out.integer(1).entry(e.getKey(), before)).bytes();
            }
            case Frames.GET: {
                Object key = in.value(m.loader());
                Versioned v = m.share().get(key);
                Frames.Out out = new Frames.Out(Frames.OK);
                return (v == null ? out.integer(0) : out.integer(1).entry(key, v)).bytes();
            }
            case Frames.TRANSFER: {
                int n = in.integer();
                for (int i = 0; i < n; i++) {
                    Map.Entry<Object, Versioned> e = in.entry(m.loader());
                    clock.observe(e.getValue().version());
                    m.share().apply(e.getKey(), e.getValue());
                }
                received.addAndGet(n);
                return new byte[] {Frames.OK};
            }
            case Frames.ENTRIES: {
                List<Map.Entry<Object, Versioned>> all = m.share().snapshot();
                Frames.Out out = new Frames.Out(Frames.OK).integer(all.size());
                for (Map.Entry<Object, Versioned> e : all) {
                    out.entry(e.getKey(), e.getValue());
                }
                return out.bytes();
            }
            default:
                throw new IOException("unknown request type " + type);
        }
    }

    /** Marker for a put refused because the caller routed it with another view. */
    static final class Rejected {
        static final Versioned WRONG_VIEW = new Versioned(Long.MIN_VALUE, "wrong view");

        private Rejected() {
        }
    }

    /**
     * Applies a write routed with view {@code id}, unless this member has installed another view
     * since: then the caller must route again, or the write could miss a rebalance.
     */
    Versioned applyInView(MapState m, ViewId id, Object key, Versioned e) {
        viewLock.readLock().lock();
        try {
            Membership cur = membership;
            if (cur == null || !cur.viewId.equals(id)) {
                return Rejected.WRONG_VIEW;
            }
            clock.observe(e.version());
            return m.share().apply(key, e);
        } finally {
            viewLock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ requests to other members

    /**
     * Sends {@code request} to {@code dests} and returns the answers with status OK (a filter may end
     * the wait early). Never throws: a member that failed, refused or timed out has no answer.
     */
    List<byte[]> call(Collection<Address> dests, byte[] request, ResponseMode mode, long timeoutMs, RspFilter filter) {
        List<byte[]> ok = new ArrayList<>();
        if (dests.isEmpty()) {
            return ok;
        }
        try {
            RspList<byte[]> rsps = dispatcher.castMessage(dests, new BytesMessage(null, request).setFlag(Message.Flag.OOB),
                    new RequestOptions(mode, timeoutMs, true, filter));
            for (Rsp<byte[]> r : rsps.values()) {
                byte[] a = r.wasReceived() && !r.hasException() ? r.getValue() : null;
                if (a != null && a.length > 0 && a[0] == Frames.OK) {
                    ok.add(a);
                }
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "request to " + dests + " failed", e);
        }
        return ok;
    }

    void close() {
        JChannel ch;
        synchronized (this) {
            ch = channel;
        }
        rebalancer.stop();
        if (ch != null) {
            ch.close();
        }
    }
}
