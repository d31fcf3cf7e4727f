package dev.lazarus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The changes made by this method, and by every method it calls on the same thread, form one
 * transaction: after a crash, recovery applies all of them or none. The transaction commits when
 * the outermost {@code @Atomic} method returns or throws (a throw commits what memory holds).
 *
 * <p>Concurrency control stays the application's job: use {@code synchronized} or locks.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Atomic {
}
