package dev.gigstream.api.web.ratelimit;

import dev.gigstream.api.web.problems.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One limit, {@code requests} per {@code per}, with a token bucket per key (a client address, a user):
 * shared by all instances when Redis is configured ({@link SharedBuckets}), else, and while Redis does
 * not answer, in this instance's own buckets. Answers carry the IETF draft headers
 * ({@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset}, draft-ietf-httpapi-ratelimit-headers-07)
 * and the older {@code X-RateLimit-Remaining}; a refusal is 429 {@code RATE_LIMITED} with {@code Retry-After}.
 */
public final class RateLimit {

    /** The code of every rate-limit refusal. */
    public static final String CODE = "RATE_LIMITED";

    private final String name;
    private final int requests;
    private final SharedBuckets shared;
    private final Bandwidth bandwidth;
    private final BucketConfiguration configuration;
    private final Cache<String, Bucket> local;

    /** @param name names this limit's buckets among the shared ones ({@code auth}, {@code writes}, ...) */
    public RateLimit(String name, int requests, Duration per, SharedBuckets shared) {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("rate limit " + name + " needs at least one request per positive duration, not "
                    + requests + " per " + per);
        }
        this.name = name;
        this.requests = requests;
        this.shared = shared;
        this.bandwidth = Bandwidth.builder().capacity(requests).refillGreedy(requests, per).build();
        this.configuration = BucketConfiguration.builder().addLimit(bandwidth).build();
        this.local = Caffeine.newBuilder().expireAfterAccess(per.multipliedBy(2)).maximumSize(100_000).build();
    }

    public String name() {
        return name;
    }

    /**
     * Takes one request from {@code key}'s bucket and writes the rate-limit headers; when the bucket is
     * empty also the 429 problem. Returns whether the request may go on.
     */
    public boolean admit(String key, HttpServletResponse response, JsonMapper json, String tooMany) throws IOException {
        ConsumptionProbe probe = consume(key);
        response.setHeader("RateLimit-Limit", Integer.toString(requests));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            return true;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, CODE,
                tooMany + "; try again in " + retryAfter + " seconds"));
        return false;
    }

    /**
     * Takes one request from {@code key}'s bucket, for limits counted away from the HTTP edge (each
     * address geocoded): 0 when it may go on, else the seconds until it may (at least 1).
     */
    public long secondsToWait(String key) {
        ConsumptionProbe probe = consume(key);
        return probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
    }

    private ConsumptionProbe consume(String key) {
        return shared.tryConsume(name + ":" + key, () -> configuration)
                .orElseGet(() -> local.get(key, unused -> Bucket.builder().addLimit(bandwidth).build())
                        .tryConsumeAndReturnRemaining(1));
    }

    /** Whole seconds, rounded up: a client that waits that long finds the tokens there. */
    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(Math.max(0, nanos) + 999_999_999L);
    }
}
