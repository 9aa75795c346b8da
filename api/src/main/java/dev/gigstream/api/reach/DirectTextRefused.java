package dev.gigstream.api.reach;

import dev.gigstream.api.web.problems.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A text message that was not sent, answered as a problem: 429 {@code SMS_CAP_REACHED} when the
 * person's daily cap or the platform's daily budget is spent, 503 {@code SMS_UNAVAILABLE} when the
 * provider cannot take it now.
 */
public class DirectTextRefused extends ProblemException {

    public static final String CAP_REACHED = "SMS_CAP_REACHED";
    public static final String UNAVAILABLE = "SMS_UNAVAILABLE";

    private DirectTextRefused(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }

    public static DirectTextRefused capReached(String detail) {
        return new DirectTextRefused(HttpStatus.TOO_MANY_REQUESTS, CAP_REACHED, detail);
    }

    public static DirectTextRefused unavailable(String detail) {
        return new DirectTextRefused(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, detail);
    }
}
