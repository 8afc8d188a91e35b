package io.basalt.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells {@link ArrowLeakCheck} to check a test class only once, after all its tests (and its
 * {@code @AfterAll} methods) ran, instead of after every test method.
 *
 * <p>A class that opens a database in {@code @BeforeAll} and closes it in {@code @AfterAll} does not
 * need this: roots open before a method started are never blamed on the method. Use it for a class
 * whose test methods hand class-level resources from one to the next, for example a test that
 * closes and reopens the shared database, so that a root opened by one method and closed by a later
 * one is not reported as a leak of the first. Nested classes inherit it from their enclosing class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CheckLeaksAfterAll {
}
