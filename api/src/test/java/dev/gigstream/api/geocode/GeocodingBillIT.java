package dev.gigstream.api.geocode;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.geocoding.GeocodingStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Geocoding is paid for by the platform, call by call: one account cannot run up the bill (its own
 * limit, over every way in), the same address is asked once (the cache), the platform stops at its
 * daily budget until the UTC day turns, and Google's quota answers are not asked again.
 */
@PostgresIT
@Import(MovableTime.class)
@TestPropertySource(properties = {"gigstream.geocoding.per-user-limit.requests=5", "gigstream.geocoding.per-user-limit.per=1h",
        "gigstream.geocoding.daily-budget=20"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeocodingBillIT {

    private static final String KEY = "google-maps-test-key";
    private static final GeocodingStandIn GOOGLE = new GeocodingStandIn(KEY).knows("NG", "marina", 6.4541, 3.3947,
            "1 Marina, Lagos Island, Lagos, Nigeria");

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("gigstream.geocoding.base-url", GOOGLE::baseUrl);
        registry.add("gigstream.geocoding.api-key", () -> KEY);
    }

    @AfterAll
    static void close() {
        GOOGLE.close();
    }

    @Autowired
    Api api;

    private Api.Response geocode(String address, Api.User user) {
        return api.get("/api/v1/geocode?country=NG&address=" + URLEncoder.encode(address, StandardCharsets.UTF_8), user.accessToken());
    }

    private static String somewhere() {
        return UUID.randomUUID().toString().substring(0, 8) + " Marina";
    }

    @Test
    @Order(1)
    void oneAccountLooking310AddressesUpIsStoppedAtItsLimit() {
        var worker = api.signUp("WORKER");
        int before = GOOGLE.requests().size();
        Map<String, Integer> answers = new TreeMap<>();
        Api.Response limited = null;
        for (int i = 0; i < 310; i++) {
            var answer = geocode(i + " Marina, Lagos", worker);
            answers.merge(answer.status() + " " + (answer.isProblem() ? answer.json().path("code").asText() : ""), 1, Integer::sum);
            limited = answer.status() == 429 ? answer : limited;
        }

        assertThat(answers).as("answers to 310 addresses").isEqualTo(Map.of("200 ", 5, "429 RATE_LIMITED", 305));
        assertThat(GOOGLE.requests().size() - before).as("calls to Google").isEqualTo(5);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L / 5);
        assertThat(geocode("1 Marina, Lagos", api.signUp("WORKER")).status()).as("another account").isEqualTo(200);
    }

    @Test
    @Order(2)
    void jobsPostedByAddressCountAgainstTheSameLimit() {
        var client = api.signUp("CLIENT");
        for (int i = 1; i <= 5; i++) {
            assertThat(api.post("/api/v1/jobs", job(i + " Marina Road"), client.accessToken()).status()).as("job " + i).isEqualTo(201);
        }
        int before = GOOGLE.requests().size();

        var refused = api.post("/api/v1/jobs", job("6 Marina Road"), client.accessToken());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(geocode("7 Marina Road", client).status()).as("the geocode endpoint too").isEqualTo(429);
        assertThat(GOOGLE.requests().size()).isEqualTo(before);
        assertThat(api.get("/api/v1/jobs?mine=true", client.accessToken()).json().get("total").asInt())
                .as("the refused job is not stored").isLessThanOrEqualTo(5);
    }

    @Test
    @Order(3)
    void theSameAddressIsAskedOnceHoweverItIsSpacedOrCased() {
        var worker = api.signUp("WORKER");
        int before = GOOGLE.requests().size();

        assertThat(geocode("12 Marina,  Lagos Island", worker).status()).isEqualTo(200);
        assertThat(geocode("12 MARINA, lagos island", worker).status()).isEqualTo(200);

        assertThat(GOOGLE.requests().size() - before).isEqualTo(1);
    }

    @Test
    @Order(4)
    void googleOverItsQuotaIsAskedOnceAndGeocodingIsUnavailable() {
        var worker = api.signUp("WORKER");
        int before = GOOGLE.requests().size();
        GOOGLE.answerNext(10, "OVER_QUERY_LIMIT");
        try {
            var refused = geocode(somewhere(), worker);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("code").asText()).isEqualTo("GEOCODING_UNAVAILABLE");
            assertThat(GOOGLE.requests().size() - before).as("calls to Google for one OVER_QUERY_LIMIT").isEqualTo(1);
        } finally {
            GOOGLE.answerNext(0, "OK");
        }
    }

    @Test
    @Order(5)
    void onceTheDailyBudgetIsSpentEveryoneGets503UntilTheUtcDayTurnsButCachedAnswersStillCome() {
        Api.Response spent = null;
        for (int user = 0; user < 10 && spent == null; user++) {
            var worker = api.signUp("WORKER");
            for (int i = 0; i < 5 && spent == null; i++) {
                var answer = geocode(somewhere(), worker);
                spent = answer.status() == 503 ? answer : null;
            }
        }
        assertThat(spent).as("a refusal once the budget of 20 calls is spent").isNotNull();
        assertThat(spent.json().get("code").asText()).isEqualTo("GEOCODING_BUDGET_SPENT");
        Instant now = CLOCK.instant();
        long untilMidnight = Duration.between(now, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        assertThat(Long.parseLong(spent.header("Retry-After"))).isBetween(untilMidnight - 5, untilMidnight + 5);

        var someoneElse = api.signUp("WORKER");
        int before = GOOGLE.requests().size();
        var alsoSpent = geocode(somewhere(), someoneElse);
        assertThat(alsoSpent.status()).isEqualTo(503);
        assertThat(alsoSpent.json().get("code").asText()).isEqualTo("GEOCODING_BUDGET_SPENT");
        assertThat(geocode("12 marina, lagos island", someoneElse).status()).as("a cached answer").isEqualTo(200);
        assertThat(GOOGLE.requests().size()).isEqualTo(before);

        CLOCK.moveBy(Duration.ofSeconds(untilMidnight + 60));
        try {
            assertThat(geocode(somewhere(), someoneElse).status()).as("the next UTC day").isEqualTo(200);
        } finally {
            CLOCK.reset();
        }
    }

    private static Map<String, Object> job(String address) {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        return Map.of("title", "Usher for a wedding", "description", "Guests at the door", "requiredSkills", List.of("usher"),
                "location", Map.of("address", address), "shift", Map.of("start", start.toString(),
                        "end", start.plus(Duration.ofHours(5)).toString()), "pay", Map.of("amount", 800_000, "currency", "NGN"));
    }
}
