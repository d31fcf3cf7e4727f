package dev.lazarus.it.apps.library;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands for a library class: no annotation, no no-arg constructor, and what real libraries hold:
 * final fields, a transient cache, a non-static inner class, collections declared as concrete
 * classes, a byte array replaced then filled, mutable JDK values, and wiring the app passes in
 * (a clock and a callback) that must never be logged. ThirdPartyIT makes it durable by configuration.
 */
public class Inventory {
    private final String name;
    private final Map<String, Item> items = new TreeMap<>();
    private final HashMap<String, Long> prices = new HashMap<>();
    private final ArrayList<String> history = new ArrayList<>();
    private final BitSet flags = new BitSet();
    private final StringBuilder notes = new StringBuilder();
    private final AtomicLong counter = new AtomicLong();
    private AtomicInteger hits = new AtomicInteger();
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicReference<String> last = new AtomicReference<>("none");
    private final ByteArrayOutputStream journal = new ByteArrayOutputStream();
    private byte[] blob = new byte[0];
    private transient int cacheHits;
    private final Clock clock;
    private final Runnable onChange;

    public Inventory(String name, Clock clock, Runnable onChange) {
        this.name = name;
        this.clock = clock;
        this.onChange = onChange;
    }

    /** A non-static inner class: each item knows its inventory. */
    public class Item {
        private int quantity;

        Item(int quantity) {
            this.quantity = quantity;
        }

        void add(int n) {
            quantity += n;
            onChange.run();
        }

        Inventory inventory() {
            return Inventory.this;
        }
    }

    public void stock(String item, int quantity, long price) {
        items.computeIfAbsent(item, k -> new Item(0)).add(quantity);
        prices.put(item, price);
        history.add("stock " + item);
        flags.set(history.size() * 7);
        notes.append(item).append(':').append(quantity).append(';');
        counter.addAndGet(quantity);
        hits.incrementAndGet();
        last.set(item);
        journal.write(item.length());
        journal.writeBytes(item.getBytes(StandardCharsets.UTF_8));
        byte[] grown = new byte[blob.length + 1];
        blob = grown;                                // replaced (logged) ...
        for (int i = 0; i < grown.length; i++) {
            grown[i] = (byte) (i + quantity);        // ... then filled through an alias
        }
        cacheHits++;
    }

    public void open() {
        open.set(true);
        hits = new AtomicInteger(100);               // a new value in the field: the old one is let go
    }

    public int cacheHits() {
        return cacheHits;
    }

    public boolean wired() {
        return clock != null && onChange != null;
    }

    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add("name=" + name);
        items.forEach((k, v) -> out.add("item " + k + " quantity=" + v.quantity + " ownedByThis=" + (v.inventory() == this)));
        out.add("prices=" + new TreeMap<>(prices) + " " + prices.getClass().getSuperclass().getSimpleName());
        out.add("history=" + history);
        out.add("flags=" + flags);
        out.add("notes=" + notes);
        out.add("counter=" + counter.get() + " hits=" + hits.get() + " open=" + open.get() + " last=" + last.get());
        out.add("journal=" + java.util.Arrays.toString(journal.toByteArray()));
        out.add("blob=" + java.util.Arrays.toString(blob));
        out.add("wired=" + wired());
        return out;
    }
}
