package dev.lazarus.it.apps.snap;

import dev.lazarus.Atomic;
import dev.lazarus.Durable;

import java.util.ArrayDeque;

/**
 * One worker's progress: its step count and the last steps it made, changed together in one
 * transaction; after any crash {@code recent} must hold exactly the last steps up to {@code count}.
 */
@Durable
public class Lane {
    long count;
    final ArrayDeque<Long> recent = new ArrayDeque<>();

    @Atomic
    public synchronized void step(long i, int window) {
        count = i;
        recent.addLast(i);
        while (recent.size() > window) {
            recent.removeFirst();
        }
    }

    public synchronized String show() {
        StringBuilder b = new StringBuilder();
        b.append("count=").append(count).append(" recent=");
        boolean first = true;
        for (Long l : recent) {
            b.append(first ? "" : ",").append(l);
            first = false;
        }
        return b.toString();
    }
}
