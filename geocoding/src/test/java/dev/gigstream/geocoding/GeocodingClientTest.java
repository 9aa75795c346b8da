package dev.gigstream.geocoding;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gigstream.geocoding.GeocodingException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The client against a local server speaking the Geocoding API's documented JSON. */
class GeocodingClientTest {

    /** Long enough for a loaded machine's answer; a stall outlasts it, so a stalled request times out. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STALL = REQUEST_TIMEOUT.plusSeconds(1);
    private static final String KEY = "AIzaSyStandInKey_0123456789abcdefghij";
    private static final String LEKKI = "15 Admiralty Way, Lekki Phase 1, Lagos";

    private final GeocodingStandIn google = new GeocodingStandIn(KEY)
            .knows("admiralty way", 6.4474, 3.4723, "15 Admiralty Way, Lekki Phase 1, Lekki 106104, Lagos, Nigeria")
            .knows("GH", "oxford street", 5.5560, -0.1823, "Oxford St, Accra, Ghana");
    private final GeocodingClient client = new GeocodingClient(settings(KEY));

    private GeocodingSettings settings(String key) {
        return GeocodingSettings.of(google.baseUrl(), key).withRetries(3, Duration.ofMillis(20), REQUEST_TIMEOUT);
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private GeocodingException failure(GeocodingClient client, String address) {
        try {
            client.geocode(address, "NG");
        } catch (GeocodingException e) {
            return e;
        }
        throw new AssertionError("no GeocodingException for " + address);
    }

    @Test
    void aKnownAddressIsGeocodedWithinTheCountryWithTheKey() {
        var found = client.geocode(LEKKI, "NG");

        assertThat(found).contains(new GeocodedAddress(6.4474, 3.4723,
                "15 Admiralty Way, Lekki Phase 1, Lekki 106104, Lagos, Nigeria", Geocoder.GOOGLE));
        assertThat(google.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/maps/api/geocode/json");
            assertThat(request.address()).isEqualTo(LEKKI);
            assertThat(request.components()).isEqualTo("country:NG");
            assertThat(request.key()).isEqualTo(KEY);
        });
    }

    @Test
    void theCountryFilterDecidesWhereAnAddressIsLookedFor() {
        assertThat(client.geocode("Oxford Street, Osu", "gh")).map(GeocodedAddress::formattedAddress)
                .contains("Oxford St, Accra, Ghana");
        assertThat(client.geocode("Oxford Street, Osu", "NG")).isEmpty();

        assertThat(google.requests()).extracting(GeocodingStandIn.Request::components)
                .containsExactly("country:GH", "country:NG");
    }

    @Test
    void anAddressGoogleDoesNotKnowIsEmptyAndNotRetried() {
        assertThat(client.geocode("Nowhere Close, Atlantis", "NG")).isEmpty();

        assertThat(google.requests()).hasSize(1);
    }

    @Test
    void quotaAnswersAreUnavailableAtOnceWithoutRetries() {
        google.answerNext(10, "OVER_QUERY_LIMIT");
        var failure = failure(client, "1 Marina, Lagos Island");
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.status()).isEqualTo("OVER_QUERY_LIMIT");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("You have exceeded your rate-limit for this API.");
        assertThat(google.requests()).as("one call for OVER_QUERY_LIMIT").hasSize(1);

        google.answerNext(10, "OVER_DAILY_LIMIT");
        assertThat(failure(client, "2 Marina, Lagos Island").status()).isEqualTo("OVER_DAILY_LIMIT");
        assertThat(google.requests()).as("one call for OVER_DAILY_LIMIT").hasSize(2);

        google.failNext(10, 429);
        assertThat(failure(client, "3 Marina, Lagos Island").httpStatus()).isEqualTo(429);
        assertThat(google.requests()).as("one call for HTTP 429").hasSize(3);
    }

    @Test
    void everyCallToGoogleIsAllowedFirstAndACachedAnswerCostsNone() {
        var allowed = new java.util.concurrent.atomic.AtomicInteger();
        var budgeted = new GeocodingClient(settings(KEY), () -> {
            if (allowed.incrementAndGet() > 2) {
                throw new IllegalStateException("budget spent");
            }
        });

        assertThat(budgeted.geocode(LEKKI, "NG")).isPresent();
        assertThat(budgeted.geocode(LEKKI.toUpperCase(), "NG")).as("cached").isPresent();
        google.answerNext(1, "UNKNOWN_ERROR");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budgeted.geocode("Plot 5, Admiralty Way", "NG"))
                .as("the second call is allowed, its retry is not").hasMessage("budget spent");
        assertThat(google.requests()).hasSize(2);
    }

    @Test
    void unknownErrorsAndServerErrorsAreRetried() {
        google.answerNext(1, "UNKNOWN_ERROR");
        assertThat(client.geocode(LEKKI, "NG")).isPresent();
        assertThat(google.requests()).hasSize(2);

        google.failNext(2, 503);
        assertThat(client.geocode("Plot 5, Admiralty Way", "NG")).isPresent();
        assertThat(google.requests()).hasSize(5);

        google.failNext(10, 500);
        var failure = failure(client, "3 Admiralty Way");
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.httpStatus()).isEqualTo(500);
        assertThat(failure.status()).isNull();
        assertThat(google.requests()).hasSize(8);
    }

    @Test
    void aWrongKeyIsDeniedAtOnceAndTheKeyIsNeverInTheMessage() {
        String wrongKey = "AIzaSyWrongKey_zyxwvutsrqponmlkjih";
        var failure = failure(new GeocodingClient(settings(wrongKey)), LEKKI);

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.status()).isEqualTo("REQUEST_DENIED");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("The provided API key is invalid").doesNotContain(wrongKey);
        assertThat(google.requests()).singleElement()
                .satisfies(request -> assertThat(request.key()).isEqualTo(wrongKey));
    }

    @Test
    void anInvalidRequestIsInvalidAndNotRetried() {
        google.answerNext(5, "INVALID_REQUEST");

        var failure = failure(client, LEKKI);

        assertThat(failure.reason()).isEqualTo(Reason.INVALID);
        assertThat(failure.status()).isEqualTo("INVALID_REQUEST");
        assertThat(google.requests()).hasSize(1);
    }

    @Test
    void aBlankAddressOrABadCountryIsRefusedBeforeAnythingIsSent() {
        assertThat(failure(client, "  \t ").reason()).isEqualTo(Reason.INVALID);
        assertThat(failure(client, null).reason()).isEqualTo(Reason.INVALID);
        assertThatIllegalArgumentException().isThrownBy(() -> client.geocode(LEKKI, "NGA"));
        assertThatIllegalArgumentException().isThrownBy(() -> client.geocode(LEKKI, null));

        assertThat(google.requests()).isEmpty();
    }

    @Test
    void aTimeoutIsRetriedAndThenUnavailable() {
        google.stallNext(1, STALL);
        assertThat(client.geocode(LEKKI, "NG")).isPresent();
        assertThat(google.requests()).hasSize(2);

        google.stallNext(10, STALL);
        var failure = failure(client, "7 Admiralty Way");
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.getMessage()).doesNotContain(KEY);
        assertThat(google.requests()).hasSize(5);
    }

    @Test
    void aServerThatIsGoneIsUnavailable() {
        var gone = new GeocodingStandIn(KEY);
        var client = new GeocodingClient(GeocodingSettings.of(gone.baseUrl(), KEY)
                .withRetries(2, Duration.ofMillis(10), REQUEST_TIMEOUT));
        gone.close();

        var failure = failure(client, LEKKI);

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.getMessage()).doesNotContain(KEY);
    }

    @Test
    void aCachedAnswerSendsNoSecondRequestHoweverTheAddressIsSpacedOrCased() {
        var first = client.geocode(LEKKI, "NG");
        var again = client.geocode("  15   ADMIRALTY way,\tLekki phase 1,\n Lagos ", "ng");

        assertThat(again).isEqualTo(first).isPresent();
        assertThat(google.requests()).hasSize(1);

        client.geocode(LEKKI, "GH");
        assertThat(google.requests()).as("another country is another question").hasSize(2);
    }

    @Test
    void notFoundIsCachedButFailuresAreNot() {
        assertThat(client.geocode("Nowhere Close", "NG")).isEmpty();
        assertThat(client.geocode("nowhere close", "NG")).isEmpty();
        assertThat(google.requests()).hasSize(1);

        google.answerNext(1, "REQUEST_DENIED");
        assertThat(failure(client, LEKKI).status()).isEqualTo("REQUEST_DENIED");
        assertThat(client.geocode(LEKKI, "NG")).isPresent();
        assertThat(google.requests()).hasSize(3);
    }

    @Test
    void cachedAnswersExpireAfterTheirAge() {
        var now = new AtomicLong();
        var client = new GeocodingClient(settings(KEY).withCache(100, Duration.ofHours(24)), now::get);

        client.geocode(LEKKI, "NG");
        now.addAndGet(Duration.ofHours(23).toNanos());
        client.geocode(LEKKI, "NG");
        assertThat(google.requests()).hasSize(1);

        now.addAndGet(Duration.ofHours(2).toNanos());
        client.geocode(LEKKI, "NG");
        assertThat(google.requests()).hasSize(2);
    }

    @Test
    void theKeyNeverReachesTheLogs() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(GeocodingClient.class);
        logger.addAppender(appender);
        try {
            google.answerNext(2, "UNKNOWN_ERROR");
            client.geocode(LEKKI, "NG");
            google.failNext(1, 502);
            client.geocode("2 Admiralty Way", "NG");
            google.stallNext(1, STALL);
            client.geocode("4 Admiralty Way", "NG");
            failure(new GeocodingClient(settings("AIzaSyAnotherWrongKey")), LEKKI);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(event -> assertThat(event.getFormattedMessage())
                        .doesNotContain(KEY).doesNotContain("AIzaSyAnotherWrongKey"));
    }

    @Test
    void theSettingsHideTheKey() {
        var settings = GeocodingSettings.of(GeocodingSettings.GOOGLE, KEY);

        assertThat(settings.toString()).doesNotContain(KEY).contains("https://maps.googleapis.com/");
        assertThat(settings.cacheMaxEntries()).isEqualTo(10_000);
        assertThat(settings.cacheMaxAge()).isEqualTo(Duration.ofHours(24));
        assertThatIllegalArgumentException().isThrownBy(() -> GeocodingSettings.of(GeocodingSettings.GOOGLE, " "));
    }
}
