package dev.gigstream.api.web.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rate-limit buckets that all instances share, so N instances allow the limit once rather than N times
 * ({@link RedisBuckets} when Redis is configured). Empty answers mean the shared store cannot answer
 * now: the filter then counts in its own instance's buckets.
 */
public interface SharedBuckets {

    /** No shared store (Redis not configured): every instance counts on its own. */
    SharedBuckets NONE = (key, configuration) -> Optional.empty();

    /** Takes one token from the bucket {@code key}, which starts full with {@code configuration} when new. */
    Optional<ConsumptionProbe> tryConsume(String key, Supplier<BucketConfiguration> configuration);
}
