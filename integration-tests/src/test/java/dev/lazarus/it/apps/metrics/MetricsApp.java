package dev.lazarus.it.apps.metrics;

import dev.lazarus.Durable;
import dev.lazarus.Lazarus;
import dev.lazarus.it.apps.snap.Store;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Random;

/**
 * Makes changes and a snapshot, then reads the agent's MBean {@code dev.lazarus:type=Agent}
 * through the platform MBean server, as jconsole would, and prints every attribute as
 * {@code METRIC Name=value}. Arguments: {@code items changesBefore changesAfter} (items 0: keep the
 * recovered ones; the snapshot is taken between the two batches of changes).
 */
public class MetricsApp {
    @Durable
    static Store store = new Store();

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("0")) {
            store.fill(Integer.parseInt(args[0]), 1);
        }
        Random r = new Random(2);
        for (int i = Integer.parseInt(args[1]); i > 0; i--) {
            store.mutate(r);
        }
        Lazarus.checkpoint();
        for (int i = Integer.parseInt(args[2]); i > 0; i--) {
            store.mutate(r);
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.lazarus:type=Agent");
        for (int i = 0; i < 200 && !server.isRegistered(name); i++) {
            Thread.sleep(50); // the agent registers it on a background thread
        }
        for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
            System.out.println("METRIC " + a.getName() + "=" + server.getAttribute(name, a.getName()));
        }
        System.out.println("DONE " + store.digest());
    }
}
