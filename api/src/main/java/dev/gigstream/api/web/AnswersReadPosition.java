package dev.gigstream.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write whose answer carries {@code Read-Position}, the position in the event stream of the events it
 * caused, for the reads that follow it to present ({@link AwaitsReadPosition}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AnswersReadPosition {
}
