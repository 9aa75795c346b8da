package dev.gigstream.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per client address (and whatever else {@link #bucketKey} adds) for the requests a
 * subclass limits; over the limit the answer is 429 with {@code Retry-After}. The address is the TCP
 * peer, or the forwarded one when the app runs behind a trusted proxy ({@code server.forward-headers-strategy}).
 * <p>
 * The buckets are shared by all instances when Redis is configured ({@link SharedBuckets}), so the
 * limit holds for the whole deployment. Without Redis, or while it does not answer, each instance
 * counts in its own buckets: the limit then holds per instance.
 */
public abstract class AddressRateLimitFilter extends OncePerRequestFilter {

    private final String name;
    private final SharedBuckets shared;
    private final Cache<String, Bucket> local;
    private final Bandwidth limit;
    private final BucketConfiguration configuration;
    private final JsonMapper json;
    private final String tooMany;

    /** @param name names this filter's buckets among the shared ones ({@code auth}, {@code location-share}) */
    protected AddressRateLimitFilter(String name, int requests, Duration per, SharedBuckets shared, JsonMapper json,
                                     String tooMany) {
        this.name = name;
        this.shared = shared;
        this.json = json;
        this.tooMany = tooMany;
        this.limit = Bandwidth.builder().capacity(requests).refillGreedy(requests, per).build();
        this.configuration = BucketConfiguration.builder().addLimit(limit).build();
        this.local = Caffeine.newBuilder().expireAfterAccess(per.multipliedBy(2)).maximumSize(100_000).build();
    }

    /** Whether this request counts against its address's bucket. */
    protected abstract boolean limits(HttpServletRequest request);

    protected String bucketKey(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = bucketKey(request);
        ConsumptionProbe probe = shared.tryConsume(name + ":" + key, () -> configuration)
                .orElseGet(() -> local.get(key, unused -> newBucket()).tryConsumeAndReturnRemaining(1));
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                tooMany + "; try again in " + retryAfter + " seconds"));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit).build();
    }
}
