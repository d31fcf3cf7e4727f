package dev.lazarus.sample.inventory;

import dev.lazarus.Distributed;
import dev.lazarus.Lazarus;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A stock list shared by the members of a cluster: every member runs this app with the same
 * {@code cluster=} and {@code members=} options; the {@code @Distributed} map puts each item on two
 * members (replicas=2) and each member keeps its share in its own {@code dir}.
 *
 * <pre>
 * InventoryApp --stock 1000   stock 1000 items, then restock one at random every 20 ms
 * InventoryApp                just serve this member's share
 * </pre>
 * Every member prints {@code STATUS items=N units=U} every two seconds, read from the whole cluster;
 * the stocking member also prints the units it has had acknowledged ({@code acknowledged=A}), and
 * {@code FAILED} for a restock that fewer than two members took (not counted).
 */
public final class InventoryApp {
    @Distributed
    static Map<String, Item> stock = new HashMap<>();

    private InventoryApp() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length == 2 && args[0].equals("--stock") ? Integer.parseInt(args[1]) : 0;
        System.out.println("member up (agent " + (Lazarus.isActive() ? "active" : "not active") + ")");
        long acknowledged = -1;
        if (items > 0) {
            acknowledged = 0;
            for (int i = 0; i < items; i++) {
                stock.put(sku(i), new Item("item " + i, 10));
                acknowledged += 10;
            }
            System.out.println("stocked " + items + " items");
        }
        Random random = new Random();
        long nextStatus = 0;
        while (true) {
            if (items > 0) {
                String sku = sku(random.nextInt(items));
                try {
                    Item it = stock.get(sku);
                    stock.put(sku, it.restocked(1));
                    acknowledged++;
                } catch (RuntimeException e) {
                    System.out.println("FAILED restock of " + sku + ": " + e.getMessage());
                }
            }
            if (System.currentTimeMillis() >= nextStatus) {
                status(acknowledged);
                nextStatus = System.currentTimeMillis() + 2000;
            }
            Thread.sleep(20);
        }
    }

    private static void status(long acknowledged) {
        try {
            long units = 0;
            for (Item it : stock.values()) {
                units += it.quantity();
            }
            System.out.println("STATUS items=" + stock.size() + " units=" + units
                    + (acknowledged >= 0 ? " acknowledged=" + acknowledged : ""));
        } catch (RuntimeException e) {
            System.out.println("STATUS unavailable: " + e.getMessage());
        }
    }

    private static String sku(int i) {
        return String.format("sku-%04d", i);
    }
}
