package dev.gigstream.api.geocode;

import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.api.web.ratelimit.RateLimit;
import dev.gigstream.api.web.problems.RetryLaterException;
import dev.gigstream.api.web.ratelimit.SharedBuckets;
import dev.gigstream.geocoding.GeocodedAddress;
import dev.gigstream.geocoding.GeocodingClient;
import dev.gigstream.geocoding.GeocodingException;
import dev.gigstream.geocoding.GeocodingSettings;
import dev.gigstream.geocoding.gazetteer.Gazetteer;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.job.GeocodedBy;
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
 * Turns an address into a point on the map within the market's country (NGN → NG, GHS → GH): through
 * Google's Geocoding API when {@code GOOGLE_MAPS_API_KEY} is set; else, when the gazetteer is switched
 * on ({@code gigstream.geocoding.gazetteer}, the embedded default), through the offline {@link Gazetteer}
 * of Nigeria's and Ghana's cities and districts; else nothing is geocoded and callers must send
 * coordinates. Every answer says which geocoder found it. Every way in (the geocode endpoint, a job or a
 * worker's home given by address) counts against the asking account's own limit (429
 * {@code RATE_LIMITED}); a call to Google also passes the cache of answers (which costs no call) and the
 * platform's daily budget of calls ({@link GeocodingBudget}, 503 {@code GEOCODING_BUDGET_SPENT}).
 */
@Component
public class Places {

    private static final Logger log = LoggerFactory.getLogger(Places.class);

    private final Optional<GeocodingClient> google;
    private final Optional<Gazetteer> gazetteer;
    private final RateLimit perUser;

    Places(GeocodingProperties properties, SharedBuckets shared, Clock clock, ObjectProvider<StringRedisTemplate> redis,
           RedisProperties redisProperties) {
        this.perUser = new RateLimit("geocoding", properties.perUserLimit().requests(), properties.perUserLimit().per(), shared);
        this.google = properties.apiKey().isBlank() ? Optional.empty()
                : Optional.of(new GeocodingClient(GeocodingSettings.of(properties.baseUrl(), properties.apiKey())
                .withCache(properties.cache().maxEntries(), properties.cache().maxAge()),
                new GeocodingBudget(properties.dailyBudget(), clock, redis.getIfAvailable(), redisProperties)));
        this.gazetteer = google.isEmpty() && properties.gazetteer() ? Optional.of(Gazetteer.bundled()) : Optional.empty();
        if (google.isPresent()) {
            log.info("Geocoding: Google's Geocoding API at {}", properties.baseUrl());
        } else if (gazetteer.isPresent()) {
            log.info("Geocoding: the offline gazetteer ({} cities, towns and districts of Nigeria and Ghana), since "
                    + "GOOGLE_MAPS_API_KEY is not set; set it for street-level answers", gazetteer.get().size());
        } else {
            log.info("Geocoding is off (GOOGLE_MAPS_API_KEY is not set, GIGSTREAM_GEOCODING_GAZETTEER is false): "
                    + "jobs and homes need coordinates");
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
     * @throws RefusedException ADDRESS_NOT_FOUND, GEOCODING_UNAVAILABLE, or COORDINATES_REQUIRED with neither
     *         a key nor the gazetteer
     * @throws RetryLaterException 429 RATE_LIMITED for the account, 503 GEOCODING_BUDGET_SPENT for the platform
     */
    public LocatedAddress locate(String address, String country) {
        GeocodedAddress found = geocode(address, country);
        return new LocatedAddress(found.lat(), found.lng(), found.formattedAddress(),
                GeocodedBy.valueOf(found.geocodedBy().name()));
    }

    private GeocodedAddress geocode(String address, String country) {
        if (google.isEmpty() && gazetteer.isEmpty()) {
            throw new RefusedException(GeocodingErrorCode.COORDINATES_REQUIRED,
                    "Geocoding is not configured: send the location's lat and lng");
        }
        requestingUser().ifPresent(this::countAgainst);
        if (google.isEmpty()) {
            return gazetteer.get().locate(address, country).orElseThrow(() -> new RefusedException(
                    GeocodingErrorCode.ADDRESS_NOT_FOUND, "No city, town or district in " + country + " that the offline "
                    + "gazetteer knows is named in that address: name one (e.g. \"Yaba, Lagos\"), or send lat and lng"));
        }
        GeocodingClient client = google.get();
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
