package dev.gigstream.api.moderation;

import dev.gigstream.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A moderation request refused with its status and stable code (reports and accounts are not aggregates). */
final class ModerationRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    ModerationRefused(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    @RestControllerAdvice(basePackageClasses = ModerationRefused.class)
    static class Advice {
        @ExceptionHandler(ModerationRefused.class)
        ProblemDetail refused(ModerationRefused e) {
            return Problems.of(e.status, e.code, e.getMessage());
        }
    }
}
