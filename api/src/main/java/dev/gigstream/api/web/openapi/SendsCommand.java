package dev.gigstream.api.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint sends a command to an aggregate and waits for it: the OpenAPI document lists the two
 * answers every such endpoint may give, 409 {@code CONCURRENT_MODIFICATION} (the aggregate changed at the
 * same moment: nothing was done) and 503 {@code COMMAND_OUTCOME_UNKNOWN} (with Axon Server, the instance
 * handling it did not answer in time: it may have taken effect). See {@link ProblemResponses}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SendsCommand {
}
