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
}
