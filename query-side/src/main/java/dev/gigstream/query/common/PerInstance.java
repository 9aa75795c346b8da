package dev.gigstream.query.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection whose state lives in the memory of each application instance. Its processor
 * keeps its token in memory too, so every instance processes the whole event stream and rebuilds the
 * state by replay at start; there is no shared dead-letter queue for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PerInstance {
}
