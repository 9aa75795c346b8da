package dev.gigstream.api.geocode;

import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.api.web.RateLimit;
import dev.gigstream.api.web.RetryLaterException;
import dev.gigstream.api.web.SharedBuckets;
import dev.gigstream.geocoding.GeocodedAddress;
import dev.gigstream.geocoding.GeocodingClient;
import dev.gigstream.geocoding.GeocodingException;
import dev.gigstream.geocoding.GeocodingSettings;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns an address into a point on the map through Google's Geocoding API, filtered to the market's
 * country (NGN → NG, GHS → GH). Without {@code GOOGLE_MAPS_API_KEY} nothing is geocoded and callers
 * must send coordinates. Every call costs the platform money, so every way in (the geocode endpoint,
 * a job or a worker's home given by address) passes the same three guards ({@link GeocodingProperties}):
 * the asking account's own limit (429 {@code RATE_LIMITED}), the cache of answers (which costs no call),
 * and the platform's daily budget of calls ({@link GeocodingBudget}, 503 {@code GEOCODING_BUDGET_SPENT}).
 */
@Component
public class Places {

    private static final Logger log = LoggerFactory.getLogger(Places.class);

    private final Optional<GeocodingClient> geocoding;
    private final RateLimit perUser;

    Places(GeocodingProperties properties, SharedBuckets shared, Clock clock, ObjectProvider<StringRedisTemplate> redis,
           RedisProperties redisProperties) {
        this.perUser = new RateLimit("geocoding", properties.perUserLimit().requests(), properties.perUserLimit().per(), shared);
        this.geocoding = properties.apiKey().isBlank() ? Optional.empty()
                : Optional.of(new GeocodingClient(GeocodingSettings.of(properties.baseUrl(), properties.apiKey())
                .withCache(properties.cache().maxEntries(), properties.cache().maxAge()),
                new GeocodingBudget(properties.dailyBudget(), clock, redis.getIfAvailable(), redisProperties)));
        if (geocoding.isEmpty()) {
            log.info("Geocoding is off (GOOGLE_MAPS_API_KEY is not set): jobs and homes need coordinates");
        }
    }

    /** The market's country, as Google's component filter names it. */
    public static String countryOf(Currency currency) {
        return switch (currency) {
            case NGN -> "NG";
            case GHS -> "GH";
        };
    }

    /**
     * Where {@code address} is in {@code country}, counted against the requesting account's limit.
     *
     * @throws RefusedException ADDRESS_NOT_FOUND, GEOCODING_UNAVAILABLE, or COORDINATES_REQUIRED without a key
     * @throws RetryLaterException 429 RATE_LIMITED for the account, 503 GEOCODING_BUDGET_SPENT for the platform
     */
    public GeocodedAddress locate(String address, String country) {
        GeocodingClient client = geocoding.orElseThrow(() -> new RefusedException(GeocodingErrorCode.COORDINATES_REQUIRED,
                "Geocoding is not configured: send the location's lat and lng"));
        requestingUser().ifPresent(this::countAgainst);
        try {
            return client.geocode(address, country).orElseThrow(() -> new RefusedException(GeocodingErrorCode.ADDRESS_NOT_FOUND,
                    "No place matches that address in " + country));
        } catch (GeocodingException e) {
            if (e.reason() == GeocodingException.Reason.INVALID) {
                throw new RefusedException(GeocodingErrorCode.ADDRESS_NOT_FOUND, "Google could not read that address");
            }
            throw new RefusedException(GeocodingErrorCode.GEOCODING_UNAVAILABLE, "Geocoding is unavailable just now; try again"
                    + " shortly or send the location's lat and lng");
        }
    }

    private void countAgainst(String user) {
        long wait = perUser.secondsToWait("user:" + user);
        if (wait > 0) {
            throw new RetryLaterException(HttpStatus.TOO_MANY_REQUESTS, RateLimit.CODE,
                    "Too many addresses looked up from this account; try again in " + wait + " seconds, or send lat and lng",
                    Duration.ofSeconds(wait));
        }
    }

    /** The account of the request being served (the access token's subject). */
    private static Optional<String> requestingUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }
}
