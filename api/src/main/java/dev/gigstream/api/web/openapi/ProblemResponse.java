package dev.gigstream.api.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal an endpoint really answers, with the problem codes it answers it with: the OpenAPI document
 * lists it as an {@code application/problem+json} response of that status. The refusals every endpoint of
 * a kind shares (bad input, no token, a body too large, rate limits, a database away) are added by
 * {@link ProblemResponses}; annotate only what is particular to the endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    /** The HTTP status, e.g. 409. */
    int status();

    /** The {@code code}s of the problems answered with that status, e.g. {@code JOB_NOT_OPEN}. */
    String[] codes();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ProblemResponse[] value();
    }
}
