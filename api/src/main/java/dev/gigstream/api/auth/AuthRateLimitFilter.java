package dev.gigstream.api.auth;

import dev.gigstream.api.web.ratelimit.AddressRateLimitFilter;
import dev.gigstream.api.web.ratelimit.SharedBuckets;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Slows down credential stuffing and sign-up abuse: each client address gets its own token bucket
 * for each of register, login and refresh, shared by all instances when Redis is configured.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuthRateLimitFilter extends AddressRateLimitFilter {

    private static final String AUTH = "/api/v1/auth/";

    AuthRateLimitFilter(AuthProperties properties, SharedBuckets shared, JsonMapper json) {
        super("auth", HttpMethod.POST, List.of(AUTH + "register", AUTH + "login", AUTH + "refresh"),
                properties.rateLimit().requests(), properties.rateLimit().per(), shared, json, "Too many attempts from this address");
    }

    @Override
    protected String bucketKey(HttpServletRequest request) {
        // the path is canonical here (CanonicalPathFilter): its last segment names the endpoint
        return request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1) + ":" + request.getRemoteAddr();
    }
}
