package dev.lazarus.internal.recovery;

import java.util.function.ObjLongConsumer;

/**
 * Objects by id, for replay. Ids are handed out in increasing order, so a table of pages indexed
 * by id, allocated as ids appear, beats a hash map of boxed longs (no boxing, no hashing).
 */
public final class OidTable {
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;

    private Object[][] pages = new Object[64][];
    private int size;

    public Object get(long oid) {
        long page = oid >>> PAGE_BITS;
        if (oid <= 0 || page >= pages.length) {
            return null;
        }
        Object[] p = pages[(int) page];
        return p == null ? null : p[(int) (oid & (PAGE - 1))];
    }

    void put(long oid, Object o) {
        if (oid <= 0) {
            throw new IllegalArgumentException("object id " + oid);
        }
        long page = oid >>> PAGE_BITS;
        if (page >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("object id " + oid + " is beyond the replay table");
        }
        if (page >= pages.length) {
            pages = java.util.Arrays.copyOf(pages, (int) Math.max(page + 1, pages.length * 2L));
        }
        Object[] p = pages[(int) page];
        if (p == null) {
            p = pages[(int) page] = new Object[PAGE];
        }
        int slot = (int) (oid & (PAGE - 1));
        if (p[slot] == null) {
            size++;
        }
        p[slot] = o;
    }

    int size() {
        return size;
    }

    void clear() {
        pages = new Object[64][];
        size = 0;
    }

    /** Every (object, id), in id order. */
    public void forEach(ObjLongConsumer<Object> action) {
        for (int i = 0; i < pages.length; i++) {
            Object[] p = pages[i];
            if (p == null) {
                continue;
            }
            for (int j = 0; j < PAGE; j++) {
                if (p[j] != null) {
                    action.accept(p[j], ((long) i << PAGE_BITS) | j);
                }
            }
        }
    }
}
