package dev.lazarus.internal.collection;

import dev.lazarus.internal.hook.CollectionOp;
import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Tracked;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the views and iterators of a tracked collection need from the collection that owns them
 * (the root of a chain of sub-lists, sub-maps, key sets...). Every record goes to the owner's
 * object id, whatever view made the change.
 *
 * <p>The methods are public only because interface methods must be; the {@code $lz$} prefix keeps
 * them out of the way of application code.
 */
interface Owner extends Tracked {
    /** True when a change must be logged now: attached, and not muted. */
    boolean $lz$logging();

    /**
     * Mutes or unmutes the logging of the owner's own methods and returns the previous setting.
     * A view mutes its owner while it runs a JDK method that may call back into the owner's
     * overridden methods (an {@code ArrayList} iterator's {@code remove} calls
     * {@code ArrayList.remove(int)}), then logs the change itself, once, with the right index.
     */
    boolean $lz$mute(boolean mute);

    int size();

    void clear();

    static void log(Owner owner, int op, int index, Object a, Object b) {
        if (owner.$lz$logging()) {
            Hooks.op(owner.$lz$oid(), op, index, a, b);
        }
    }

    /*
     * Admission: every value that enters an attached collection is checked (refused as
     * untrackable, or let through) before the collection stores it, so that a refused element is
     * not left in memory while the log never got it. Nothing is logged then: the record of the
     * operation, after the store, attaches the value in the same implicit transaction. Functions
     * that compute values (compute, merge, replaceAll) are wrapped so that each result is admitted
     * before the JDK stores it.
     * Admission asks only that the owner be attached, not that it be logging: a view mutes its
     * owner while the JDK's code stores what the view then logs. (During recovery collections are
     * detached.)
     */

    /** Returns {@code v} once admitted; the owner has not stored it yet. */
    static <T> T admit(Owner owner, T v) {
        if (v != null && owner.$lz$oid() != 0 && !isBoxOrString(v.getClass())) {
            Hooks.admit(v);
        }
        return v;
    }

    /** The common keys and values, which need no attaching: decided here, without a call. */
    private static boolean isBoxOrString(Class<?> c) {
        return c == String.class || c == Integer.class || c == Long.class || c == Double.class || c == Boolean.class
                || c == Short.class || c == Byte.class || c == Character.class || c == Float.class;
    }

    /** Admits every element of {@code c} before a bulk insertion. */
    static void admitAll(Owner owner, Collection<?> c) {
        if (owner.$lz$oid() == 0) {
            return;
        }
        for (Object e : c) {
            admit(owner, e);
        }
    }

    static <T, R> Function<T, R> admitting(Owner owner, Function<T, R> f) {
        return owner.$lz$oid() != 0 && f != null ? x -> admit(owner, f.apply(x)) : f;
    }

    static <T> UnaryOperator<T> admitting(Owner owner, UnaryOperator<T> f) {
        return owner.$lz$oid() != 0 && f != null ? x -> admit(owner, f.apply(x)) : f;
    }

    static <T, U, R> BiFunction<T, U, R> admitting(Owner owner, BiFunction<T, U, R> f) {
        return owner.$lz$oid() != 0 && f != null ? (x, y) -> admit(owner, f.apply(x, y)) : f;
    }

    /**
     * Runs a bulk JDK operation with the owner's own logging muted (the JDK calls back into its
     * overridden methods), then has {@code logChange} log what changed, against a {@code before}
     * taken first: so the log is right whatever path the JDK took, and even if a callback threw.
     */
    static <B, R> R bulk(Owner owner, Supplier<B> before, Supplier<R> operation, Consumer<B> logChange) {
        if (!owner.$lz$logging()) {
            return operation.get();
        }
        B b = before.get();
        boolean was = owner.$lz$mute(true);
        try {
            return operation.get();
        } finally {
            owner.$lz$mute(was);
            logChange.accept(b);
        }
    }

    /** Logs the whole content of a collection or map as one {@link CollectionOp#RESET}. */
    static void reset(Owner owner) {
        if (owner.$lz$logging()) {
            Object all = owner instanceof Map<?, ?> m ? keysAndValues(m.entrySet()) : ((Collection<?>) owner).toArray();
            Hooks.op(owner.$lz$oid(), CollectionOp.RESET, 0, all, null);
        }
    }

    /** The {@code a} of a map's {@code RESET}: keys and values alternating, in iteration order. */
    static Object[] keysAndValues(Collection<? extends Map.Entry<?, ?>> entries) {
        Object[] kv = new Object[2 * entries.size()];
        int i = 0;
        for (Map.Entry<?, ?> e : entries) {
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return kv;
    }
}
