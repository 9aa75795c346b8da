package dev.gigstream.query.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event handler that runs on every application instance for that instance alone. Its
 * processor keeps its token in memory, so every instance processes the whole event stream; there is
 * no shared dead-letter queue for it. With {@code replay} (the default) it starts from the beginning
 * of the stream at every start, to rebuild in-memory state; without, it starts at the head and only
 * sees what happens from then on (pushing to live sessions must never repeat history).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PerInstance {

    boolean replay() default true;
}
