package dev.gigstream.api.location;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Live location: how many share-link lookups a client address may make. (How long pings and links are
 * kept is the retention table's, {@code gigstream.retention}.)
 */
@ConfigurationProperties("gigstream.location")
public record LocationProperties(RateLimit shareRateLimit) {

    /** At most {@code requests} share-link lookups per {@code per} and client address. */
    public record RateLimit(int requests, Duration per) {
    }
}
