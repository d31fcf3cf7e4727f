package dev.lazarus.agent.instrument;

import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.engine.ThirdParty;
import net.bytebuddy.dynamic.ClassFileLocator;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers, for one class loader, "is this class tracked?" and "which field does this field
 * reference resolve to?", from class files located through Byte Buddy's {@link ClassFileLocator}.
 * Answers are cached: each class file is read at most once.
 */
final class TypeInfo {
    private final ClassFileLocator locator;
    private final ThirdParty config;
    private final ConcurrentHashMap<String, Optional<ClassFacts>> facts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> tracked = new ConcurrentHashMap<>();

    TypeInfo(ClassLoader loader, ThirdParty config) {
        this.locator = ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader);
        this.config = config;
    }

    ThirdParty config() {
        return config;
    }

    /** Registers the facts of the class being transformed (its file may not be locatable yet), configured. */
    ClassFacts remember(ClassFacts read) {
        ClassFacts f = read.configured(config);
        facts.put(f.name, Optional.of(f));
        return f;
    }

    static boolean isPlatform(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }

    Optional<ClassFacts> facts(String internalName) {
        if (internalName == null || isPlatform(internalName) || internalName.startsWith("[")) {
            return Optional.empty();
        }
        return facts.computeIfAbsent(internalName, n -> {
            try {
                ClassFileLocator.Resolution r = locator.locate(n.replace('/', '.'));
                return r.isResolved() ? Optional.of(ClassFacts.read(r.resolve()).configured(config)) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A class is tracked when it is {@code @Durable} (or matches {@code classes=}), extends a tracked
     * class, or directly extends a JDK collection that has a tracked replacement and is declared
     * inside a tracked class (an anonymous LRU {@code LinkedHashMap}: it cannot be annotated).
     */
    boolean isTracked(String internalName) {
        if (internalName == null || isPlatform(internalName)) {
            return false;
        }
        Boolean known = tracked.get(internalName);
        if (known != null) {
            return known;
        }
        Optional<ClassFacts> f = facts(internalName);
        boolean result = f.isPresent() && !f.get().isInterface && !f.get().isRecordOrEnum
                && (f.get().durable || isTracked(f.get().superName)
                || (f.get().superName != null && TrackedCollections.trackedNameFor(f.get().superName) != null
                        && f.get().enclosing.stream().anyMatch(e -> !e.equals(internalName) && isTracked(e))));
        tracked.put(internalName, result);
        return result;
    }

    /**
     * For a tracked class that extends a JDK collection (directly or through tracked classes): the
     * JDK class at the top of its tracked chain, else null. Such a class is rewritten to extend the
     * tracked replacement instead, and carries no injected id (the replacement has one).
     */
    String jdkCollectionBase(String internalName) {
        if (!isTracked(internalName)) {
            return null;
        }
        for (String c = internalName; c != null; ) {
            Optional<ClassFacts> f = facts(c);
            if (f.isEmpty()) {
                return null;
            }
            String sup = f.get().superName;
            if (sup == null || isPlatform(sup)) {
                return sup != null && TrackedCollections.trackedNameFor(sup) != null ? sup : null;
            }
            if (!isTracked(sup)) {
                return null; // an untracked class in between would not be rewritten: the engine refuses it
            }
            c = sup;
        }
        return null;
    }

    /** The field a {@code owner.name:descriptor} reference resolves to, searching superclasses. */
    Optional<ClassFacts.FieldFacts> resolveField(String owner, String name, String descriptor) {
        for (String c = owner; c != null && !isPlatform(c); ) {
            Optional<ClassFacts> f = facts(c);
            if (f.isEmpty()) {
                return Optional.empty();
            }
            ClassFacts.FieldFacts field = f.get().field(name, descriptor);
            if (field != null) {
                return Optional.of(field);
            }
            c = f.get().superName;
        }
        return Optional.empty();
    }

    /** The key field of a keyed root, or null (unkeyed, or not a root). */
    String rootKey(ClassFacts.FieldFacts f) {
        return facts(f.owner()).map(c -> c.rootKey(f.name())).orElse(null);
    }

    /** Whether writes to this field are logged through the setter generated in its declaring class. */
    boolean isTrackedField(ClassFacts.FieldFacts f) {
        return f.persistent() && isTracked(f.owner());
    }
}
