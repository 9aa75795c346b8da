package dev.gigstream.query.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a processing group in a processor with other groups of the same kind of work, so that the
 * event stream is read, scheduled and tracked once for all of them instead of once per group. Each
 * group keeps its own handlers, dead-letter queue, error handling and sequencing; the processor's
 * token, thread and batch are shared. A group without it gets a processor of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SharedProcessor {

    /** Shared read models that may run in several segments: the job side of the marketplace. */
    String JOB_READ_MODELS = "read-models-jobs";
    /** Shared read models that may run in several segments: money and people. */
    String PEOPLE_READ_MODELS = "read-models-people";
    /** Shared read models that need the stream's order ({@link InOrder}): one thread. */
    String IN_ORDER_READ_MODELS = "read-models-in-order";
    /** Per-instance pushers that start at the head of the stream ({@link PerInstance} without replay). */
    String PUSHERS = "pushers";

    /** The processor's name. */
    String value();
}
