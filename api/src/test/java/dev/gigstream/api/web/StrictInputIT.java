package dev.gigstream.api.web;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Values of the wrong JSON type or beyond the platform's bounds are refused before anything is stored. */
@PostgresIT
class StrictInputIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aNumberIsNotARoleNorAString() {
        Map<String, Object> numericRole = new HashMap<>(Api.registration("numeric-role@example.com", "CLIENT"));
        numericRole.put("role", 0);
        var refused = api.post("/api/v1/auth/register", numericRole, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();

        Map<String, Object> booleanName = new HashMap<>(Api.registration("boolean-name@example.com", "CLIENT"));
        booleanName.put("fullName", true);
        assertThat(api.post("/api/v1/auth/register", booleanName, null).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email IN ('numeric-role@example.com', 'boolean-name@example.com')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aJobNeedsTextForItsTitleAndACurrencyByName() {
        var client = api.signUp("CLIENT");
        long before = jobEvents();
        Map<String, Object> booleanTitle = job();
        booleanTitle.put("title", true);
        Map<String, Object> numericCurrency = job();
        numericCurrency.put("pay", Map.of("amount", 900_000, "currency", 0));
        for (var body : List.of(booleanTitle, numericCurrency)) {
            var refused = api.post("/api/v1/jobs", body, client.accessToken());
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(jobEvents()).isEqualTo(before);
    }

    @Test
    void payAndShiftDatesHaveBounds() {
        var client = api.signUp("CLIENT");
        long before = jobEvents();
        Map<String, Object> poison = job();
        poison.put("pay", Map.of("amount", Long.MAX_VALUE, "currency", "NGN"));
        var tooMuch = api.post("/api/v1/jobs", poison, client.accessToken());
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(400);
        assertThat(tooMuch.json().get("errors").findValuesAsString("field")).contains("pay.amount");

        Map<String, Object> farAhead = job();
        Instant start = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.HOURS);
        farAhead.put("shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(4)).toString()));
        var tooFar = api.post("/api/v1/jobs", farAhead, client.accessToken());
        assertThat(tooFar.status()).as(tooFar.body()).isEqualTo(400);
        assertThat(tooFar.json().get("code").asText()).isEqualTo("INVALID_SHIFT");
        assertThat(jobEvents()).isEqualTo(before);
    }

    @Test
    void moneyIsItsAmountAndCurrencyOnly() {
        var client = api.signUp("CLIENT");
        String jobId = api.post("/api/v1/jobs", job(), client.accessToken())
                .expect(201).json().get("jobId").asText();
        // the job's details come from a projection: wait for it rather than race it
        var pay = new Marketplace(api).awaitJob(jobId, client.accessToken(), job -> true).get("pay");
        assertThat(pay.propertyNames()).containsExactlyInAnyOrder("amount", "currency");
    }

    @Test
    void textWithANulCharacterIsRefusedNotAServerError() {
        var withNul = api.post("/api/v1/auth/login", Map.of("email", "ada\u0000@example.com", "password", "whatever it is"), null);
        assertThat(withNul.status()).as(withNul.body()).isEqualTo(400);
        assertThat(withNul.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(withNul.json().get("errors").findValuesAsString("field")).containsExactly("email");

        Map<String, Object> registration = new HashMap<>(Api.registration("nul-name@example.com", "CLIENT"));
        registration.put("fullName", "Ada\u0000Obi");
        var refused = api.post("/api/v1/auth/register", registration, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aBodyOfAWildcardOrMultipartTypeIsUnsupportedNotAServerError() {
        var client = api.signUp("CLIENT");
        String body = "{\"reason\": \"changed plans\"}";
        for (String type : List.of("application/*", "*/*", "multipart/form-data", "multipart/form-data; boundary=x")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/"
                            + UUID.randomUUID() + "/cancel"))
                    .header("Authorization", "Bearer " + client.accessToken())
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            var answer = send(request.build());
            assertThat(answer.statusCode()).as(type + ": " + answer.body()).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> job() {
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Cook for a wedding");
        body.put("requiredSkills", List.of("cook"));
        body.put("location", Map.of("lat", Marketplace.SITE.get("lat"), "lng", Marketplace.SITE.get("lng"), "address", "1 Marina, Lagos"));
        body.put("shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(6)).toString()));
        body.put("pay", Map.of("amount", 900_000, "currency", "NGN"));
        return body;
    }

    private long jobEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE type = 'Job'").query(Long.class).single();
    }
}
