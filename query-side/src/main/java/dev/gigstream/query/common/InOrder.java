package dev.gigstream.query.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection that must see the events of different aggregates in the order they were stored
 * (a job's events before its escrow's): its processor runs a single segment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface InOrder {
}
