package dev.gigstream.api.web.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/**
 * Thrown by a request body read past its limit ({@code RequestBodyLimitFilter}); answered 413
 * {@code PAYLOAD_TOO_LARGE} by {@link ProblemDetailsAdvice}, as a declared length over the limit is by
 * the filter itself.
 */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The answer to a body larger than {@code limit} bytes. */
    public static ProblemDetail problem(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + limit + " bytes");
    }
}
