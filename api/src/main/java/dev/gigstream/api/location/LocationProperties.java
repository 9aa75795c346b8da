package dev.gigstream.api.location;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Live location: how often pings and share links that outlived {@code gigstream.location.retention}
 * are purged (for the in-process MongoDB server, which ignores TTL indexes; the query side reads the
 * retention itself), and how many share-link lookups a client address may make.
 */
@ConfigurationProperties("gigstream.location")
public record LocationProperties(Duration purgeEvery, RateLimit shareRateLimit) {

    /** At most {@code requests} share-link lookups per {@code per} and client address. */
    public record RateLimit(int requests, Duration per) {
    }
}
