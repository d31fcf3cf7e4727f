package dev.lazarus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a class: its instances are tracked; every change to one that is reachable from a root is
 * logged. On a field: the field is a root, whose value is recovered after a restart.
 *
 * <p>A root is a static field, an instance field of a class with one live instance at a time, or a
 * keyed instance field: {@code @Durable(key = "name")}, where each instance's state is identified by
 * the value of its field {@code name} (a primitive, {@code String}, enum or {@code UUID}, assigned
 * before the root).
 *
 * <p>Without the Lazarus agent this annotation does nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Durable {
    /**
     * On an instance root field: the instance field whose value tells instances apart, so that each
     * gets its own state back. Empty (the default): the root is static or has one live instance.
     */
    String key() default "";
}
