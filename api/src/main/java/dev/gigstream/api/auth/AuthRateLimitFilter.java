package dev.gigstream.api.auth;

import dev.gigstream.api.web.AddressRateLimitFilter;
import dev.gigstream.api.web.SharedBuckets;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

/**
 * Slows down credential stuffing and sign-up abuse: each client address gets its own token bucket
 * for each of register, login and refresh, shared by all instances when Redis is configured.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuthRateLimitFilter extends AddressRateLimitFilter {

    private static final Set<String> LIMITED = Set.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh");

    AuthRateLimitFilter(AuthProperties properties, SharedBuckets shared, JsonMapper json) {
        super("auth", properties.rateLimit().requests(), properties.rateLimit().per(), shared, json,
                "Too many attempts from this address");
    }

    @Override
    protected boolean limits(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && LIMITED.contains(request.getRequestURI());
    }

    @Override
    protected String bucketKey(HttpServletRequest request) {
        return request.getRequestURI().substring("/api/v1/auth/".length()) + ":" + request.getRemoteAddr();
    }
}
