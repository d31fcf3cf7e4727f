package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import java.util.List;
import java.util.ListIterator;

/**
 * Logs what a bulk operation did to a tracked list, read back from memory after it ran, so that
 * the log is right whatever path the JDK took, and even when a callback threw half-way.
 * When listing the changes one by one would cost more than the whole list, one {@code RESET}.
 */
final class ListChanges {
    private ListChanges() {
    }

    /**
     * {@code count} elements were inserted at {@code from} in {@code list}, which starts at
     * {@code offset} in the owner.
     */
    static void added(Owner owner, List<?> list, int offset, int from, int count) {
        if (count <= 0 || !owner.$lz$logging()) {
            return;
        }
        long oid = owner.$lz$oid();
        ListIterator<?> it = list.listIterator(from);
        for (int i = 0; i < count; i++) {
            Hooks.op(oid, CollectionOp.LIST_ADD, offset + from + i, it.next(), null);
        }
    }

    /** {@code count} elements were removed from the owner at {@code from} (a cleared sub-list). */
    static void removedRange(Owner owner, int from, int count) {
        if (count <= 0 || !owner.$lz$logging()) {
            return;
        }
        if (owner.size() == 0) {
            Hooks.op(owner.$lz$oid(), CollectionOp.CLEAR, 0, null, null);
        } else if (count > owner.size()) {
            Owner.reset(owner);
        } else {
            long oid = owner.$lz$oid();
            for (int i = 0; i < count; i++) {
                Hooks.op(oid, CollectionOp.LIST_REMOVE, from, null, null);
            }
        }
    }

    /**
     * Elements were removed from {@code list} (removeIf, removeAll, retainAll), which held
     * {@code before}. What is left is matched by identity against {@code before}, in order: where
     * identical neighbours could be swapped, which one went makes no difference to the result.
     * If what is left is not a subsequence of {@code before} (a callback changed the list
     * otherwise), one {@code RESET}.
     */
    static void removed(Owner owner, Object[] before, List<?> list, int offset) {
        if (!owner.$lz$logging()) {
            return;
        }
        Object[] after = list.toArray();
        int[] gone = new int[before.length];
        int removed = 0;
        int kept = 0;
        for (Object b : before) {
            if (kept < after.length && after[kept] == b) {
                kept++;
            } else {
                gone[removed++] = offset + kept;
            }
        }
        if (kept < after.length || removed > owner.size()) {
            Owner.reset(owner);
            return;
        }
        long oid = owner.$lz$oid();
        for (int i = 0; i < removed; i++) {
            Hooks.op(oid, CollectionOp.LIST_REMOVE, gone[i], null, null);
        }
    }

    /** Elements of {@code list} were replaced or moved in place (sort, replaceAll). */
    static void rewritten(Owner owner, Object[] before, List<?> list, int offset) {
        if (!owner.$lz$logging()) {
            return;
        }
        Object[] after = list.toArray();
        if (after.length != before.length) {
            Owner.reset(owner);
            return;
        }
        int changed = 0;
        for (int i = 0; i < after.length; i++) {
            if (after[i] != before[i]) {
                changed++;
            }
        }
        if (changed > owner.size() / 2) {
            Owner.reset(owner);
            return;
        }
        long oid = owner.$lz$oid();
        for (int i = 0; i < after.length; i++) {
            if (after[i] != before[i]) {
                Hooks.op(oid, CollectionOp.LIST_SET, offset + i, after[i], null);
            }
        }
    }
}
