package dev.gigstream.api.web.problems;

import dev.gigstream.api.messaging.AuditMetadata;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;

/** RFC 9457 problem details as Gigstream writes them: a type per error code, and the request's correlation id. */
public final class Problems {

    private static final String TYPE_BASE = "https://gigstream.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        return coded(ProblemDetail.forStatusAndDetail(status, detail), code);
    }

    /** The code of a problem that only has a status, e.g. {@code METHOD_NOT_ALLOWED} or {@code NOT_FOUND}. */
    public static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }

    /** Gives a problem made elsewhere (Spring MVC's own) the code every problem of ours has. */
    public static ProblemDetail withCode(ProblemDetail problem) {
        boolean coded = problem.getProperties() != null && problem.getProperties().containsKey("code");
        return coded ? problem : coded(problem, codeOf(HttpStatusCode.valueOf(problem.getStatus())));
    }

    private static ProblemDetail coded(ProblemDetail problem, String code) {
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        String correlationId = MDC.get(AuditMetadata.CORRELATION_ID);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** Seconds a client should wait after {@link #storeAway()}. */
    public static final String STORE_RETRY_AFTER = "5";

    /** A database could not be reached: nothing was done, and the same request may be sent again. */
    public static ProblemDetail storeAway() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE",
                "A database does not answer right now; nothing was done, try again shortly");
    }

    /** Whether the failure is a database that could not be reached (connection refused, lost or not obtained in time). */
    public static boolean storeUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || "Connection is closed".equals(sql.getMessage()))) { // the pool's connection, cut under a request
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail forbidden() {
        return of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your account is not allowed to do this");
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Writes a problem outside Spring MVC (security and rate-limit filters). */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public record FieldError(String field, String message) {
    }
}
