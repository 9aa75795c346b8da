package dev.gigstream.geocoding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gigstream.geocoding.GeocodingApi.GeocodeResponse;
import dev.gigstream.geocoding.GeocodingApi.Location;
import dev.gigstream.geocoding.GeocodingApi.Result;
import dev.gigstream.geocoding.GeocodingException.Reason;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typed client of Google's Geocoding API ({@code GET maps/api/geocode/json?address=…&components=country:NG&key=…}),
 * with a cache in front. Every call has a timeout; a timeout, a lost connection, 5xx or
 * {@code UNKNOWN_ERROR} is retried with exponential back-off up to the configured attempts; quota
 * answers ({@code OVER_QUERY_LIMIT}, {@code OVER_DAILY_LIMIT}, HTTP 429), {@code REQUEST_DENIED} and
 * {@code INVALID_REQUEST} fail at once: asking again would only spend more of the quota. Each call
 * sent is first taken from an {@link UpstreamCalls} budget. Found
 * ({@code OK}) and not found ({@code ZERO_RESULTS}) answers are cached by the normalized address
 * (trimmed, inner whitespace collapsed, lower case) and country; failures never are. The API key
 * travels only in the request URI and never appears in a log line or an exception message.
 */
public class GeocodingClient {

    private static final Logger log = LoggerFactory.getLogger(GeocodingClient.class);

    /** Google's JSON: snake_case fields; fields this client does not model are ignored. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** The endpoint under {@link GeocodingSettings#baseUrl()}. */
    static final String PATH = "maps/api/geocode/json";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private record CacheKey(String address, String country) {
    }

    private final GeocodingSettings settings;
    private final HttpClient http;
    private final Retry retry;
    private final Cache<CacheKey, Optional<GeocodedAddress>> cache;
    private final UpstreamCalls calls;

    public GeocodingClient(GeocodingSettings settings) {
        this(settings, UpstreamCalls.UNLIMITED);
    }

    /** @param calls asked before every call to Google; what it throws reaches the caller, and nothing is sent */
    public GeocodingClient(GeocodingSettings settings, UpstreamCalls calls) {
        this(settings, calls, Ticker.systemTicker());
    }

    /** With the clock the cache ages its answers by; for tests. */
    GeocodingClient(GeocodingSettings settings, Ticker ticker) {
        this(settings, UpstreamCalls.UNLIMITED, ticker);
    }

    private GeocodingClient(GeocodingSettings settings, UpstreamCalls calls, Ticker ticker) {
        this.settings = settings;
        this.calls = calls;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.retry = Retry.of("geocoding", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0))
                .retryOnException(e -> e instanceof GeocodingException failure && failure.retryable())
                .build());
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheMaxEntries())
                .expireAfterWrite(settings.cacheMaxAge())
                .ticker(ticker)
                .build();
    }

    /**
     * Where Google places {@code address} within the country {@code countryCode} (ISO 3166-1
     * alpha-2, e.g. NG or GH; sent as the component filter {@code country:NG}): its first result, or
     * empty when Google knows no such place there.
     *
     * @throws GeocodingException {@link Reason#UNAVAILABLE} when Google could not be asked, would not
     *         answer or refused the key (after the retries where retrying may help);
     *         {@link Reason#INVALID} for a blank address or Google's {@code INVALID_REQUEST}
     * @throws IllegalArgumentException when {@code countryCode} is not two letters
     */
    public Optional<GeocodedAddress> geocode(String address, String countryCode) {
        String country = country(countryCode);
        String collapsed = address == null ? "" : WHITESPACE.matcher(address.strip()).replaceAll(" ");
        if (collapsed.isEmpty()) {
            throw new GeocodingException(Reason.INVALID, null, -1, "a blank address cannot be geocoded", null);
        }
        CacheKey key = new CacheKey(collapsed.toLowerCase(Locale.ROOT), country);
        Optional<GeocodedAddress> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        // not Cache.get(key, loader): a slow lookup must not hold a lock other addresses may need
        Optional<GeocodedAddress> answer = retry.executeSupplier(() -> exchange(collapsed, country));
        cache.put(key, answer);
        return answer;
    }

    private Optional<GeocodedAddress> exchange(String address, String country) {
        URI uri = settings.baseUrl().resolve(PATH + "?address=" + encode(address)
                + "&components=" + encode("country:" + country) + "&key=" + encode(settings.apiKey()));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        calls.take();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failure(Reason.UNAVAILABLE, null, 0, "Google geocoding did not answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(Reason.UNAVAILABLE, null, -1, "Interrupted while calling Google geocoding", e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw failure(Reason.UNAVAILABLE, null, status, "Google geocoding answered HTTP " + status, null);
        }
        GeocodeResponse answer = parse(response.body());
        if (answer == null || answer.status() == null) {
            if (status / 100 == 2) {
                throw failure(Reason.UNAVAILABLE, null, status,
                        "Google geocoding answered HTTP " + status + " without a geocoding status", null);
            }
            Reason reason = status == 400 || status == 413 || status == 414 ? Reason.INVALID : Reason.UNAVAILABLE;
            throw failure(reason, null, status, "Google geocoding answered HTTP " + status, null);
        }
        String refusal = "Google geocoding answered " + answer.status() + " (HTTP " + status + ")"
                + (answer.errorMessage() == null ? "" : ": " + answer.errorMessage());
        return switch (answer.status()) {
            case "OK" -> first(answer, status);
            case "ZERO_RESULTS" -> Optional.empty();
            case "INVALID_REQUEST" -> throw failure(Reason.INVALID, answer.status(), status, refusal, null);
            // UNKNOWN_ERROR is retried (see GeocodingException.retryable); OVER_QUERY_LIMIT, OVER_DAILY_LIMIT,
            // REQUEST_DENIED and any status Google may add are not
            default -> throw failure(Reason.UNAVAILABLE, answer.status(), status, refusal, null);
        };
    }

    private Optional<GeocodedAddress> first(GeocodeResponse answer, int status) {
        if (answer.results() == null || answer.results().isEmpty()) {
            return Optional.empty();
        }
        Result result = answer.results().get(0);
        Location location = result.geometry() == null ? null : result.geometry().location();
        if (location == null || location.lat() == null || location.lng() == null) {
            throw failure(Reason.UNAVAILABLE, answer.status(), status,
                    "Google geocoding answered OK with a result without geometry.location", null);
        }
        return Optional.of(new GeocodedAddress(location.lat(), location.lng(), result.formattedAddress(), Geocoder.GOOGLE));
    }

    private static GeocodeResponse parse(byte[] body) {
        try {
            return JSON.readValue(body, GeocodeResponse.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The failure, logged; its message (and its cause, unless that mentions the key) never carries the key. */
    private GeocodingException failure(Reason reason, String status, int httpStatus, String message, Throwable cause) {
        String safe = withoutKey(message);
        log.warn("{}", safe);
        return new GeocodingException(reason, status, httpStatus, safe, mentionsKey(cause) ? null : cause);
    }

    private String withoutKey(String text) {
        String key = settings.apiKey();
        return text.replace(key, "***").replace(encode(key), "***");
    }

    private boolean mentionsKey(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.toString().contains(settings.apiKey()) || t.toString().contains(encode(settings.apiKey()))) {
                return true;
            }
        }
        return false;
    }

    private static String country(String countryCode) {
        String country = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("a two-letter country code (ISO 3166-1) is required: " + countryCode);
        }
        return country;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
