package dev.gigstream.api.idempotency;

import dev.gigstream.api.web.Idempotent;
import dev.gigstream.api.web.problems.InvalidRequestException;
import dev.gigstream.api.web.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.util.Collections;

/**
 * Idempotency keys for the endpoints marked {@link Idempotent}, decided once the handler is known and
 * its role check passed (it runs after {@code AuthorizeBeforeBinding}), before the body is bound: a new
 * key is claimed and the request goes on; a key already answered for the same request is answered again
 * with {@code Idempotent-Replayed: true}; a key used for another request is refused 422
 * {@code IDEMPOTENCY_KEY_REUSED}; a key whose first request is still being served is refused 409
 * {@code IDEMPOTENCY_KEY_IN_USE} with {@code Retry-After}. Keys belong to the caller: the account, or
 * for the anonymous sign-up every caller alike (see docs/api.md). Endpoints without the annotation
 * ignore the header.
 */
class IdempotencyInterceptor implements HandlerInterceptor {

    /** Callers without an account (sign-up) share one space of keys. */
    static final String ANONYMOUS = "anonymous";

    /** Seconds after which a request that met its key in use may come again: about one request's time. */
    static final String IN_USE_RETRY_AFTER = "1";

    private final IdempotencyKeys keys;
    private final SecretKey fingerprintKey;
    private final JsonMapper json;

    IdempotencyInterceptor(IdempotencyKeys keys, SecretKey fingerprintKey, JsonMapper json) {
        this.keys = keys;
        this.fingerprintKey = fingerprintKey;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String key = request.getHeader(Idempotent.KEY_HEADER);
        if (key == null || !(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(Idempotent.class)) {
            return true;
        }
        checkKey(request, key);
        IdempotencyFilter.RereadableBody body = WebUtils.getNativeRequest(request, IdempotencyFilter.RereadableBody.class);
        if (body == null) {
            throw new IllegalStateException("IdempotencyFilter did not wrap a POST with an Idempotency-Key");
        }
        RequestFingerprint fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), body.body(), fingerprintKey);
        IdempotencyKeys.Outcome outcome = keys.claim(caller(), key, fingerprint);
        if (outcome instanceof IdempotencyKeys.Claimed claimed) {
            request.setAttribute(IdempotencyFilter.CLAIM, claimed);
            return true;
        }
        if (outcome instanceof IdempotencyKeys.Replay replay) {
            replay(replay.answer(), response);
        } else if (outcome instanceof IdempotencyKeys.Reused reused) {
            Problems.write(response, json, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    reused.first().samePlaceAs(fingerprint)
                            ? "This Idempotency-Key was used for a request with another body; use a new key for a new request"
                            : "This Idempotency-Key was used for " + reused.first().method() + " " + reused.first().path()
                                    + "; use a new key for a new request"));
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, IN_USE_RETRY_AFTER);
            Problems.write(response, json, Problems.of(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
                    "A request with this Idempotency-Key is being served right now; send it again after Retry-After "
                            + "seconds to get its answer"));
        }
        return false;
    }

    /** A key is 1 to 255 visible ASCII characters (spaces inside allowed), sent once. */
    private static void checkKey(HttpServletRequest request, String key) {
        if (Collections.list(request.getHeaders(Idempotent.KEY_HEADER)).size() > 1) {
            throw new InvalidRequestException(Idempotent.KEY_HEADER, "must be sent once");
        }
        if (key.isBlank() || key.length() > Idempotent.MAX_KEY_LENGTH
                || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidRequestException(Idempotent.KEY_HEADER,
                    "must be 1 to " + Idempotent.MAX_KEY_LENGTH + " visible ASCII characters");
        }
    }

    private static String caller() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()
                ? ANONYMOUS : caller.getName();
    }

    private static void replay(IdempotencyKeys.StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(Idempotent.REPLAYED_HEADER, "true");
        if (answer.body() != null) {
            response.getOutputStream().write(answer.body());
        }
    }
}
