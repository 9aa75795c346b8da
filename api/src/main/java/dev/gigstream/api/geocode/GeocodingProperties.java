package dev.gigstream.api.geocode;

import dev.gigstream.geocoding.GeocodingSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Google's Geocoding API and what the platform spends on it: {@code perUserLimit} addresses looked up
 * per account (through {@code GET /geocode}, a job posted or a worker's home given by address alike),
 * at most {@code dailyBudget} calls to Google a UTC day for the whole platform, and a cache of answers
 * ({@code cache.maxEntries} kept {@code cache.maxAge}) that costs no call. Without an {@code apiKey},
 * {@code gazetteer} switches on the offline gazetteer of Nigeria and Ghana instead (it costs no call;
 * the per-account limit still holds); with a key it is not used.
 */
@ConfigurationProperties("gigstream.geocoding")
public record GeocodingProperties(String baseUrl, String apiKey, Limit perUserLimit, long dailyBudget, Cache cache,
                                  boolean gazetteer) {

    public GeocodingProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? GeocodingSettings.GOOGLE : baseUrl;
        apiKey = apiKey == null ? "" : apiKey;
        perUserLimit = perUserLimit == null ? new Limit(20, Duration.ofMinutes(1)) : perUserLimit;
        dailyBudget = dailyBudget <= 0 ? 5_000 : dailyBudget;
        cache = cache == null ? new Cache(10_000, Duration.ofHours(24)) : cache;
    }

    public record Limit(int requests, Duration per) {
    }

    public record Cache(long maxEntries, Duration maxAge) {
    }
}
