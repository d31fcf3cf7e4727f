package dev.lazarus.internal.cluster;

import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.logging.LogFactory;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.AddressGenerator;
import org.jgroups.util.ExtendedUUID;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JGroups channel of a member, built in code (no XML, no defaults picked up from the class
 * path): TCP on the {@code bind} address only, discovery by TCPPING over the static member list
 * (no multicast, no UDP, no diagnostics socket), heartbeat failure detection over the same
 * connections, MERGE3 to heal partitions. JGroups logs through java.util.logging at WARNING and
 * above, and prints no banner.
 */
final class JGroupsStack {
    /** Held strongly: java.util.logging keeps only weak references to loggers. */
    private static final Logger JGROUPS_LOG = Logger.getLogger("org.jgroups");

    private static final String NAME_KEY = "lazarus.member";

    private JGroupsStack() {
    }

    /** The ring name carried by a member's address, or null for an address that carries none. */
    static String memberName(Address a) {
        if (a instanceof ExtendedUUID e) {
            byte[] name = e.get(NAME_KEY);
            if (name != null) {
                return new String(name, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static JChannel channel(ClusterSettings s) throws Exception {
        LogFactory.useJdkLogger(true);
        JGROUPS_LOG.setLevel(Level.WARNING);
        InetSocketAddress bind = ClusterSettings.address(s.bind());
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String m : s.members()) {
            hosts.add(ClusterSettings.address(m));
        }
        TCP tcp = new TCP();
        tcp.setBindAddress(bind.getAddress());
        tcp.setBindPort(bind.getPort());
        tcp.setPortRange(0);
        tcp.setClientBindAddr(bind.getAddress());
        TCPPING ping = new TCPPING();
        ping.setInitialHosts(hosts);
        ping.setPortRange(0);
        GMS gms = new GMS();
        gms.setJoinTimeout(1500);
        gms.printLocalAddress(false);
        JChannel ch = new JChannel(tcp, ping,
                new MERGE3().setMinInterval(2000).setMaxInterval(6000),
                new FD_ALL3().setTimeout(4000).setInterval(1000),
                new VERIFY_SUSPECT2().setTimeout(1000),
                new NAKACK2(), new UNICAST3(), new STABLE(), gms, new UFC(), new MFC(), new FRAG4());
        ch.setName(s.bind());
        // the ring name travels inside the address itself: name caches may not know a member yet when its view arrives
        ch.addAddressGenerator(new AddressGenerator() {
            @Override
            @SuppressWarnings("deprecation")
            public Address generateAddress() {
                return ExtendedUUID.randomUUID(s.bind()).put(NAME_KEY, s.bind().getBytes(StandardCharsets.UTF_8));
            }
        });
        ch.setDiscardOwnMessages(true);
        return ch;
    }

}
