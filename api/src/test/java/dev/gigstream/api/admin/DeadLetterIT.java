package dev.gigstream.api.admin;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.query.testing.FlakyProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failing projection update is parked where admins see it, never skipped, and other updates go on. */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=admin@gigstream.test",
        "gigstream.auth.admin.password=admin password for tests"})
class DeadLetterIT {

    @Autowired
    Api api;

    @TestConfiguration
    @Import(FlakyProjection.class)
    static class WithFlakyProjection {
    }

    private static Map<String, Object> profile(String bio) {
        return Map.of("skills", List.of("cook"), "bio", bio, "home", Map.of("lat", 6.45, "lng", 3.39),
                "availability", List.of());
    }

    @Test
    void aPoisonEventIsParkedVisibleToAdminsAndRetriedOnceFixed() {
        String admin = api.logIn("admin@gigstream.test", "admin password for tests", null).accessToken();
        var poisoned = api.signUp("WORKER");
        var healthy = api.signUp("WORKER");

        api.put("/api/v1/workers/me/profile", profile("poison"), poisoned.accessToken()).expect(200);
        api.put("/api/v1/workers/me/profile", profile("fine"), healthy.accessToken()).expect(200);

        JsonNode letters = await().atMost(Duration.ofSeconds(15)).until(
                () -> api.get("/api/v1/admin/dead-letters", admin).expect(200).json(), json -> json.size() == 1);
        assertThat(letters.get(0).get("projection").asText()).isEqualTo(FlakyProjection.NAME);
        assertThat(letters.get(0).get("aggregateId").asText()).isEqualTo(poisoned.id());
        assertThat(letters.get(0).get("eventType").asText()).endsWith("WorkerProfileUpdated");
        assertThat(letters.get(0).get("causeMessage").asText()).contains("cannot project");
        await().atMost(Duration.ofSeconds(15)).until(() -> FlakyProjection.seen.contains(healthy.id()));
        assertThat(FlakyProjection.seen).doesNotContain(poisoned.id());
        assertThat(api.get("/api/v1/workers/" + poisoned.id(), admin).body())
                .as("other projections of the same processor are not held up").contains("poison");

        // the poisoned worker's next event waits behind the parked one in the flaky projection's queue
        // alone: the read models sharing its processor apply it
        api.put("/api/v1/workers/me/profile", profile("poison, updated"), poisoned.accessToken()).expect(200);
        await().atMost(Duration.ofSeconds(15)).until(
                () -> api.get("/api/v1/admin/dead-letters", admin).expect(200).json(), json -> json.size() == 2);
        await().atMost(Duration.ofSeconds(15)).until(
                () -> api.get("/api/v1/workers/" + poisoned.id(), admin).body().contains("poison, updated"));
        assertThat(api.get("/api/v1/admin/dead-letters", admin).json().findValuesAsString("projection"))
                .containsOnly(FlakyProjection.NAME);

        assertThat(api.get("/api/v1/admin/dead-letters", poisoned.accessToken()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/dead-letters/" + FlakyProjection.NAME + "/retry", null, poisoned.accessToken())
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/dead-letters/no-such-projection/retry", null, admin).status()).isEqualTo(404);

        FlakyProjection.healed = true;
        var retried = api.post("/api/v1/admin/dead-letters/" + FlakyProjection.NAME + "/retry", null, admin).expect(202);

        assertThat(retried.json().get("sequencesHealed").asInt()).isEqualTo(1);
        assertThat(FlakyProjection.seen).contains(poisoned.id());
        assertThat(api.get("/api/v1/admin/dead-letters", admin).json().isEmpty()).isTrue();
    }
}
