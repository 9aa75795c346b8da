package dev.gigstream.api.web;

import dev.gigstream.api.web.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Every path has one spelling, and only that spelling is served: a path another spelling of which
 * the router would decode or normalise into a different one is refused with 400
 * {@code NON_CANONICAL_PATH} before anything else looks at it. Rate limits, security rules and
 * routing then all see the same path, so no limit can be walked around by spelling its path
 * differently ({@code /api/v1/auth/%6cogin}, {@code //}, {@code /./}, {@code ;v=1}). Refused:
 * a percent-encoded letter, digit or {@code - . _ ~} (RFC 3986 unreserved characters, which must
 * not be encoded), an encoded {@code /}, {@code \}, {@code ;} or {@code %}, malformed percent
 * signs, a backslash, an empty segment ({@code //}), a dot segment ({@code .} or {@code ..}) and
 * {@code ;} parameters. Other encoded characters (a space, non-ASCII text) stay allowed: no rule
 * matches them. Runs right after the correlation id is set, so the refusal carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CanonicalPathFilter extends OncePerRequestFilter {

    public static final String CODE = "NON_CANONICAL_PATH";

    private static final String UNRESERVED_MARKS = "-._~";
    private static final String NEVER_ENCODED = "/\\;%";

    private final JsonMapper json;

    CanonicalPathFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> flaw = flaw(request.getRequestURI());
        if (flaw.isPresent()) {
            Problems.write(response, json, Problems.of(HttpStatus.BAD_REQUEST, CODE,
                    "The path is not spelled canonically (" + flaw.get() + "); send it without encoding letters, "
                            + "digits or -._~, without //, . or .. segments and without ; parameters"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** What keeps the raw path (as sent, before decoding) from being canonical, if anything. */
    static Optional<String> flaw(String rawPath) {
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("a ; parameter");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("a backslash");
        }
        if (rawPath.contains("//")) {
            return Optional.of("an empty segment");
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("a dot segment");
            }
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(rawPath.charAt(i + 2), 16);
            if (low < 0) {
                return Optional.of("a malformed percent sign");
            }
            char decoded = (char) (high * 16 + low);
            if (unreserved(decoded)) {
                return Optional.of("an encoded '" + decoded + "'");
            }
            if (NEVER_ENCODED.indexOf(decoded) >= 0) {
                return Optional.of("an encoded " + decoded);
            }
        }
        return Optional.empty();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UNRESERVED_MARKS.indexOf(c) >= 0;
    }
}
