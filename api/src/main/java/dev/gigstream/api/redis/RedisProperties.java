package dev.gigstream.api.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Redis, where instances share state: matching queues, rate-limit buckets and the access-token deny
 * list. Off while {@code url} is blank (the embedded default): every user then keeps an in-memory
 * equivalent. Every key starts with {@code keyPrefix}, so several deployments (or test runs) can share
 * one server. {@code timeout} bounds each command, so a Redis that stops answering costs a request at
 * most that long before the feature's fallback applies.
 */
@ConfigurationProperties("gigstream.redis")
public record RedisProperties(String url, String keyPrefix, Duration timeout) {

    /** Long enough for a loaded host (500 ms lost offers during a rebuild), short enough to fall back soon. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public RedisProperties {
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "gigstream:" : keyPrefix;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }

    /** The key as stored: the prefix, then the parts joined by colons. */
    public String key(String... parts) {
        return keyPrefix + String.join(":", parts);
    }
}
