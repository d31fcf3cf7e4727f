/**
 * The tracked versions of the supported JDK collections ({@code TrackedHashMap},
 * {@code TrackedArrayList}...), which the agent substitutes for {@code new HashMap()} and the like in
 * tracked classes, with their logging views and iterators. Each mutation is logged as one logical
 * operation ({@link dev.lazarus.internal.hook.CollectionOp}) against the owning collection's id, after the
 * change and with values admitted first (a refused value is never stored); {@code CollectionReplay}
 * applies the same operations at recovery. Shared with application classes: loaded by the system class
 * loader.
 */
package dev.lazarus.internal.collection;
