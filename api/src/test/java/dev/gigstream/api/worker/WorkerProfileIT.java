package dev.gigstream.api.worker;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PostgresIT
class WorkerProfileIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    private static Map<String, Object> profile(List<String> skills) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("skills", skills);
        body.put("bio", "Barista and event staff in Yaba");
        body.put("home", Map.of("lat", 6.5095, "lng", 3.3711));
        body.put("availability", List.of(Map.of("dayOfWeek", "MONDAY", "from", "08:00", "to", "18:00"),
                Map.of("dayOfWeek", "SATURDAY", "from", "10:00", "to", "24:00")));
        body.put("payout", Map.of("bankCode", "058", "accountNumber", "0123456789", "accountName", "Ada Obi"));
        return body;
    }

    private JsonNode publicProfileOnceVisible(String workerId, String token, String expectedSkill) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/workers/" + workerId, token),
                r -> r.status() == 200 && (expectedSkill == null || r.body().contains(expectedSkill))).json();
    }

    /** Events of the worker other than presence (any authenticated request records that). */
    private long events(String aggregateId) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND payload_type NOT LIKE '%WorkerWentOnline'""")
                .param("id", aggregateId).query(Long.class).single();
    }

    @Test
    void aRegisteredWorkerHasAPublicProfileAtOnce() {
        var worker = api.signUp("WORKER");
        var client = api.signUp("CLIENT");

        JsonNode profile = publicProfileOnceVisible(worker.id(), client.accessToken(), null);

        assertThat(profile.get("workerId").asText()).isEqualTo(worker.id());
        assertThat(profile.get("fullName").asText()).isEqualTo("Ada Obi");
        assertThat(profile.get("skills").isEmpty()).isTrue();
        assertThat(profile.get("ratingAverage").isNull()).isTrue();
        assertThat(profile.get("ratingCount").asInt()).isZero();
        assertThat(profile.get("premium").asBoolean()).isFalse();
    }

    @Test
    void aClientAccountHasNoWorker() {
        var client = api.signUp("CLIENT");
        assertThat(events(client.id())).isZero();
        assertThat(api.get("/api/v1/workers/" + client.id(), client.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void aWorkerUpdatesTheirProfileAndEveryoneSeesIt() {
        var worker = api.signUp("WORKER");
        var client = api.signUp("CLIENT");

        var saved = api.put("/api/v1/workers/me/profile", profile(List.of(" Barista", "EVENT staff", "barista")),
                worker.accessToken()).expect(200).json();

        assertThat(saved.get("skills").toString()).isEqualTo("[\"barista\",\"event staff\"]");
        assertThat(saved.get("payout").get("accountNumber").asText()).isEqualTo("******6789");
        assertThat(saved.get("availability").toString()).isEqualTo(
                "[{\"dayOfWeek\":\"MONDAY\",\"from\":\"08:00\",\"to\":\"18:00\"},"
                        + "{\"dayOfWeek\":\"SATURDAY\",\"from\":\"10:00\",\"to\":\"24:00\"}]");
        JsonNode visible = publicProfileOnceVisible(worker.id(), client.accessToken(), "event staff");
        assertThat(visible.get("bio").asText()).isEqualTo("Barista and event staff in Yaba");
        assertThat(visible.toString()).doesNotContain("0123456789");
    }

    @Test
    void theEventsCarryTheRequestsCorrelationIdAndUserAsReadableJson() {
        var worker = api.signUp("WORKER");
        String correlationId = "test-" + UUID.randomUUID();

        var response = api.send("PUT", "/api/v1/workers/me/profile", profile(List.of("cook")), worker.accessToken(),
                Map.of("X-Correlation-Id", correlationId));

        response.expect(200);
        assertThat(response.header("X-Correlation-Id")).isEqualTo(correlationId);
        var stored = jdbc.sql("""
                        SELECT payload_type, payload, meta_data FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND payload_type NOT LIKE '%WorkerWentOnline'
                        ORDER BY sequence_number""")
                .param("id", worker.id())
                .query((rs, n) -> List.of(rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8),
                        new String(rs.getBytes(3), StandardCharsets.UTF_8)))
                .list();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(1).get(0)).isEqualTo("dev.gigstream.messages.worker.WorkerProfileUpdated");
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(stored.get(1).get(1)).get("skills").get(0).asText()).isEqualTo("cook");
        JsonNode metadata = json.readTree(stored.get(1).get(2));
        assertThat(metadata.get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(metadata.get("userId").asText()).isEqualTo(worker.id());
        assertThat(metadata.get("source").asText()).isEqualTo("api");
        assertThat(jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_name = 'domain_event_entry' AND column_name = 'payload'""")
                .query(String.class).single()).isEqualTo("bytea");
    }

    @Test
    void onlyWorkersHaveAProfileToUpdate() {
        var client = api.signUp("CLIENT");

        var refused = api.put("/api/v1/workers/me/profile", profile(List.of("cook")), client.accessToken());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(events(client.id())).isZero();
        assertThat(api.put("/api/v1/workers/me/profile", profile(List.of("cook")), null).status()).isEqualTo(401);
    }

    @Test
    void badProfilesAreRefusedNamingTheFieldAndChangeNothing() {
        var worker = api.signUp("WORKER");
        long before = events(worker.id());

        Map<String, Object> farAway = profile(List.of("cook"));
        farAway.put("home", Map.of("lat", 91, "lng", 3.3));
        Map<String, Object> badSkill = profile(List.of("cook", "<b>"));
        Map<String, Object> backwards = profile(List.of("cook"));
        backwards.put("availability", List.of(Map.of("dayOfWeek", "MONDAY", "from", "18:00", "to", "08:00")));
        Map<String, Object> badTime = profile(List.of("cook"));
        badTime.put("availability", List.of(Map.of("dayOfWeek", "FUNDAY", "from", "8am", "to", "18:00")));
        Map<String, Object> badAccount = profile(List.of("cook"));
        badAccount.put("payout", Map.of("bankCode", "058", "accountNumber", "12ab", "accountName", "Ada"));
        Map<String, Object> stringLatitude = profile(List.of("cook"));
        stringLatitude.put("home", Map.of("lat", "north", "lng", 3.3));

        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        cases.put(farAway, "home.lat");
        cases.put(badSkill, "skills[1]");
        cases.put(backwards, "availability[0]");
        cases.put(badTime, "availability[0].dayOfWeek");
        cases.put(badAccount, "payout.accountNumber");
        cases.put(stringLatitude, "home.lat");
        cases.forEach((body, field) -> {
            var refused = api.put("/api/v1/workers/me/profile", body, worker.accessToken());
            assertThat(refused.status()).as(field).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(refused.body()).contains(field);
        });
        assertThat(events(worker.id())).isEqualTo(before);
    }

    @Test
    void overlappingAvailabilityIsRefusedWithItsCode() {
        var worker = api.signUp("WORKER");
        Map<String, Object> overlapping = profile(List.of("cook"));
        overlapping.put("availability", List.of(Map.of("dayOfWeek", "MONDAY", "from", "08:00", "to", "18:00"),
                Map.of("dayOfWeek", "MONDAY", "from", "17:00", "to", "20:00")));

        var refused = api.put("/api/v1/workers/me/profile", overlapping, worker.accessToken());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("OVERLAPPING_AVAILABILITY");
        assertThat(events(worker.id())).isEqualTo(1);
    }

    /** Each call used to keep a pooled database connection (an unclosed query stream); the pool has five in tests. */
    @Test
    void cancellingAPremiumThatDoesNotRenewIsRefusedAsOftenAsAskedWithoutExhaustingTheDatabase() {
        var worker = api.signUp("WORKER");
        for (int i = 0; i < 12; i++) {
            var refused = api.send("DELETE", "/api/v1/workers/me/premium", null, worker.accessToken(), Map.of());
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("code").asText()).isEqualTo("NO_PREMIUM_SUBSCRIPTION");
        }
        api.get("/api/v1/me", worker.accessToken()).expect(200);
    }

    @Test
    void anUnknownWorkerIsNotFound() {
        var client = api.signUp("CLIENT");
        assertThat(api.get("/api/v1/workers/" + UUID.randomUUID(), client.accessToken()).status()).isEqualTo(404);
        var notAnId = api.get("/api/v1/workers/not-a-uuid", client.accessToken());
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(notAnId.isProblem()).isTrue();
        assertThat(notAnId.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/workers/" + UUID.randomUUID(), null).status()).isEqualTo(401);
    }
}
