package dev.gigstream.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint creates something and accepts an {@code Idempotency-Key} header: the same key and request
 * from the same caller within the retention (24 h) answer the first answer again instead of acting twice
 * (see {@code dev.gigstream.api.idempotency}). The OpenAPI document lists the header and the answers that
 * come with it for exactly these operations ({@code web.openapi.ProblemResponses}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

    /** The request header carrying the client's key. */
    String KEY_HEADER = "Idempotency-Key";

    /** The answer header saying that the answer is the stored answer to an earlier request. */
    String REPLAYED_HEADER = "Idempotent-Replayed";

    /** The longest key accepted. */
    int MAX_KEY_LENGTH = 255;
}
