package dev.gigstream.api.web.problems;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/**
 * A refusal that passes with time (a spent allowance): answered with its status, its code and
 * {@code Retry-After} in whole seconds, rounded up ({@link ProblemDetailsAdvice}).
 */
public class RetryLaterException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Duration retryAfter;

    public RetryLaterException(HttpStatus status, String code, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** At least one second. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }
}
