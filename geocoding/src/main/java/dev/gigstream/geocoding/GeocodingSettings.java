package dev.gigstream.geocoding;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Geocoding API is, its key, how patiently to talk to it and how much to remember.
 * {@code baseUrl} is the host ({@code https://maps.googleapis.com}); the client asks
 * {@code maps/api/geocode/json} under it. {@code maxAttempts} counts the first try; retries (only
 * after a timeout, a lost connection, 5xx or {@code UNKNOWN_ERROR}; never after a quota answer) wait
 * {@code initialBackoff}, then twice as long each time. Answers are cached for {@code cacheMaxAge}
 * after they came, at most {@code cacheMaxEntries} of them. {@link #toString()} hides the key.
 */
public record GeocodingSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout,
                                int maxAttempts, Duration initialBackoff, long cacheMaxEntries, Duration cacheMaxAge) {

    public static final String GOOGLE = "https://maps.googleapis.com";

    public GeocodingSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a Geocoding API key is required");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(cacheMaxAge, "cacheMaxAge");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts counts the first try: at least 1, not " + maxAttempts);
        }
        if (cacheMaxEntries < 0) {
            throw new IllegalArgumentException("cacheMaxEntries must not be negative: " + cacheMaxEntries);
        }
    }

    /** 5 s to connect, 10 s per request, 4 attempts from 500 ms apart; 10,000 answers kept 24 h. */
    public static GeocodingSettings of(String baseUrl, String apiKey) {
        return new GeocodingSettings(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), apiKey,
                Duration.ofSeconds(5), Duration.ofSeconds(10), 4, Duration.ofMillis(500), 10_000, Duration.ofHours(24));
    }

    public GeocodingSettings withRetries(int maxAttempts, Duration initialBackoff, Duration requestTimeout) {
        return new GeocodingSettings(baseUrl, apiKey, connectTimeout, requestTimeout, maxAttempts, initialBackoff,
                cacheMaxEntries, cacheMaxAge);
    }

    public GeocodingSettings withCache(long maxEntries, Duration maxAge) {
        return new GeocodingSettings(baseUrl, apiKey, connectTimeout, requestTimeout, maxAttempts, initialBackoff,
                maxEntries, maxAge);
    }

    /** Everything but the key, which must never reach a log. */
    @Override
    public String toString() {
        return "GeocodingSettings[baseUrl=" + baseUrl + ", apiKey=***, connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts + ", initialBackoff="
                + initialBackoff + ", cacheMaxEntries=" + cacheMaxEntries + ", cacheMaxAge=" + cacheMaxAge + "]";
    }
}
