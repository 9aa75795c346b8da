package dev.gigstream.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that follows a write: when the request presents the write's {@code Read-Position}, it waits,
 * briefly, until the read model answering {@link #value()} (a query message type) has passed that
 * position, on whichever instance it is built ({@link ReadPositions}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AwaitsReadPosition {

    /** The query whose read model the operation reads. */
    Class<?> value();

    /**
     * The operation waits itself ({@link PresentedReadPosition#await}), once it has read what is asked and
     * found the caller may read it: who may not is refused at once, without learning whether the read model
     * is behind. Without, the wait comes before the operation runs.
     */
    boolean afterAccessCheck() default false;
}
