package dev.lazarus.internal.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster options of one member: the cluster's name, this member's {@code host:port} (also its
 * name on the ring, stable across restarts), the static list of members to find each other at,
 * and how many members store each key.
 */
public record ClusterSettings(String name, String bind, List<String> members, int replicas) {

    /**
     * Checks and normalises the options; an {@link IllegalArgumentException} names the option at
     * fault and the fix. {@code bind} is added to {@code members} if missing.
     */
    public static ClusterSettings of(String name, String bind, String members, int replicas) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("cluster: give the cluster a name, e.g. cluster=shop");
        }
        if (bind == null) {
            throw new IllegalArgumentException("cluster=" + name + " needs bind=HOST:PORT, this member's address"
                    + " (and its name on the ring), e.g. bind=127.0.0.1:7801");
        }
        String self = normalise("bind", bind);
        List<String> all = new ArrayList<>();
        if (members != null && !members.isBlank()) {
            for (String m : members.split("[,;\\s]+")) {
                if (!m.isBlank()) {
                    String n = normalise("members", m);
                    if (!all.contains(n)) {
                        all.add(n);
                    }
                }
            }
        }
        if (!all.contains(self)) {
            all.add(0, self);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1 (the default is 2)");
        }
        return new ClusterSettings(name, self, List.copyOf(all), replicas);
    }

    private static String normalise(String key, String hostPort) {
        String t = hostPort.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad value '" + t + "' for " + key + ": use HOST:PORT, e.g. 127.0.0.1:7801");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad port in '" + t + "' for " + key + ": use a port from 1 to 65535");
        }
        String host = t.substring(0, colon);
        try {
            return InetAddress.getByName(host).getHostAddress() + ":" + port;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "' in " + key + ": use an IP address or a name this machine resolves");
        }
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    public String describe() {
        return "cluster " + name + " as " + bind + " (members " + String.join(" ", members) + ", replicas " + replicas + ")";
    }
}
