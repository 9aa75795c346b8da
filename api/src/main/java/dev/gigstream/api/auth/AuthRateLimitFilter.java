package dev.gigstream.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gigstream.api.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
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
import java.util.concurrent.TimeUnit;
import java.util.Set;

/**
 * Slows down credential stuffing and sign-up abuse: each client address gets its own token bucket
 * for each of register, login and refresh. Over the limit the answer is 429 with {@code Retry-After}.
 * The address is the TCP peer, or the forwarded one when the app runs behind a trusted proxy
 * ({@code server.forward-headers-strategy}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuthRateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> LIMITED = Set.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh");

    private final Cache<String, Bucket> buckets;
    private final AuthProperties.RateLimit limit;
    private final JsonMapper json;

    AuthRateLimitFilter(AuthProperties properties, JsonMapper json) {
        this.limit = properties.rateLimit();
        this.json = json;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limit.per().multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !LIMITED.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(request.getRemoteAddr() + " " + request.getRequestURI(), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                "Too many attempts from this address; try again in " + retryAfter + " seconds"));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()).build())
                .build();
    }
}
