package dev.gigstream.api.web.problems;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A failure of the edge's own that no command {@code Refusal} describes (signing in: a wrong password,
 * a spent refresh token), answered by {@link ProblemDetailsAdvice} with its status, code and detail like
 * every other problem.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    protected ProblemException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Members the problem carries besides its code and detail (e.g. what is pending), none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
