package dev.lazarus.sample.spring;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shop's state: stock by SKU, the orders taken, and for each client the number of its last
 * order (so a client can tell which of its orders were taken). Whatever crashes, every unit received
 * is either in stock or in exactly one order.
 */
@Durable
public class Inventory {
    private final Map<String, Long> stock = new TreeMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final Map<String, Long> lastOrderByClient = new TreeMap<>();
    private long received;

    @Atomic
    public synchronized void receive(String sku, long quantity) {
        requirePositive(quantity);
        stock.merge(sku, quantity, Long::sum);
        received += quantity;
    }

    /** Takes an order, all of it or none of it; refuses one the stock cannot serve. */
    @Atomic
    public synchronized Order order(String client, long number, String sku, long quantity) {
        requirePositive(quantity);
        long available = stock.getOrDefault(sku, 0L);
        if (available < quantity) {
            throw new OutOfStockException(sku, available, quantity);
        }
        stock.put(sku, available - quantity);
        Order order = new Order(client, number, sku, quantity);
        orders.add(order);
        lastOrderByClient.put(client, number);
        return order;
    }

    /** The whole state, one {@code key=value} per line. */
    public synchronized String report() {
        long inStock = stock.values().stream().mapToLong(Long::longValue).sum();
        long ordered = orders.stream().mapToLong(Order::quantity).sum();
        StringBuilder b = new StringBuilder();
        b.append("received=").append(received).append('\n');
        b.append("inStock=").append(inStock).append('\n');
        b.append("ordered=").append(ordered).append('\n');
        b.append("orders=").append(orders.size()).append('\n');
        stock.forEach((sku, n) -> b.append("stock.").append(sku).append('=').append(n).append('\n'));
        lastOrderByClient.forEach((c, n) -> b.append("lastOrder.").append(c).append('=').append(n).append('\n'));
        return b.toString();
    }

    private static void requirePositive(long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, not " + quantity);
        }
    }
}
