package dev.gigstream.api.idempotency;

import dev.gigstream.api.web.Idempotent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The half of idempotency keys that needs the servlet chain: a {@code POST} carrying an
 * {@code Idempotency-Key} gets a body that can be read twice (once for its fingerprint, once by the
 * endpoint) and an answer held back until it is stored. Whether the endpoint takes keys, and what a key
 * means, is decided by {@link IdempotencyInterceptor} once the handler is known and its role check passed;
 * when it claimed the key, this filter stores the answer (or releases the key, or leaves it to a retry
 * when the answer is 503 {@code COMMAND_OUTCOME_UNKNOWN}) before sending it.
 * After Spring Security, so that the caller is known and a refused token never touches a key.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    /** The request attribute through which the interceptor hands its claim over. */
    static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    /** The problem code of an answer whose command may or may not have been stored. */
    static final String OUTCOME_UNKNOWN = "COMMAND_OUTCOME_UNKNOWN";

    private final IdempotencyKeys keys;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod()) || request.getHeader(Idempotent.KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(new RereadableBody(request), answer);
            answered = true;
        } finally {
            if (request.getAttribute(CLAIM) instanceof IdempotencyKeys.Claimed claim) {
                settle(claim, answered ? answer : null);
            }
            answer.copyBodyToResponse();
        }
    }

    /**
     * Stores the answer; leaves the key to a retry when the command's outcome is unknown; releases it when a
     * failure escaped the application's error handling.
     */
    private void settle(IdempotencyKeys.Claimed claim, ContentCachingResponseWrapper answer) {
        try {
            if (answer == null) {
                keys.release(claim);
            } else if (outcomeUnknown(answer)) {
                keys.leaveOutcomeUnknown(claim);
            } else {
                keys.settle(claim, new IdempotencyKeys.StoredAnswer(answer.getStatus(), answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray()));
            }
        } catch (RuntimeException e) {
            // the answer still goes out; the key stays claimed until the claim times out, then a retry acts
            log.warn("Could not store the answer for an idempotency key: {}", e.toString());
        }
    }

    private boolean outcomeUnknown(ContentCachingResponseWrapper answer) {
        if (answer.getStatus() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return false;
        }
        try {
            return OUTCOME_UNKNOWN.equals(json.readTree(answer.getContentAsByteArray()).path("code").asText());
        } catch (JacksonException notAProblem) {
            return false;
        }
    }

    /** A request whose body is read once, on first demand, and then served from memory as often as asked. */
    static final class RereadableBody extends HttpServletRequestWrapper {

        private byte[] body;

        RereadableBody(HttpServletRequest request) {
            super(request);
        }

        /** The whole body; throws what reading it throws (e.g. a body over the size limit). */
        byte[] body() throws IOException {
            if (body == null) {
                body = super.getInputStream().readAllBytes();
            }
            return body;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body());
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is read from memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            try {
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException(encoding);
            }
        }
    }
}
