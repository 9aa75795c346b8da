package dev.gigstream.api.location;

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

/**
 * Share-link tokens cannot be guessed: besides their 256 random bits, each client address gets a
 * token bucket for looking links up ({@code gigstream.location.share-rate-limit}, 30 a minute: a page
 * refreshes twice a minute). Over the limit the answer is 429 with {@code Retry-After}. The address is
 * the TCP peer, or the forwarded one behind a trusted proxy ({@code server.forward-headers-strategy}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ShareRateLimitFilter extends OncePerRequestFilter {

    static final String LOOKUPS = "/api/v1/location-shares/";

    private final Cache<String, Bucket> buckets;
    private final LocationProperties.RateLimit limit;
    private final JsonMapper json;

    ShareRateLimitFilter(LocationProperties properties, JsonMapper json) {
        this.limit = properties.shareRateLimit();
        this.json = json;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limit.per().multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith(LOOKUPS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(request.getRemoteAddr(), address -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                "Too many location-link lookups from this address; try again in " + retryAfter + " seconds"));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()).build())
                .build();
    }
}
