package dev.gigstream.api.redis;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis configured but not answering (nothing listens on port 1): the instance keeps serving. Logins
 * are limited by the instance's own buckets, reads and ordinary commands go on, money and admin
 * endpoints refuse with 503 until the deny list can be asked again, and the instance stays ready.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.redis.url=redis://127.0.0.1:1",
        "gigstream.auth.rate-limit.requests=" + RedisDownIT.LIMIT,
        "gigstream.auth.rate-limit.per=1m",
        "server.forward-headers-strategy=native",
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class RedisDownIT {

    /** Above the four logins the other tests make from 127.0.0.1. */
    static final int LIMIT = 6;

    @Autowired
    Api api;

    @Test
    void loginsStillWorkAndAreLimitedByTheInstance() {
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.9");
        Map<String, String> guess = Map.of("email", "victim@example.com", "password", "guess number one");
        for (int attempt = 1; attempt <= LIMIT; attempt++) {
            assertThat(api.send("POST", "/api/v1/auth/login", guess, null, from).status()).as("attempt " + attempt).isEqualTo(401);
        }

        var limited = api.send("POST", "/api/v1/auth/login", guess, null, from);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isNotNull();
    }

    @Test
    void readsAndOrdinaryCommandsGoOnAndALogoutHoldsOnThisInstance() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker(); // signs up and saves a profile
        var read = api.get("/api/v1/me", client.accessToken()).expect(200);
        assertThat(read.header("RateLimit-Remaining")).as("counted in the instance's own bucket").isNotNull();
        String jobId = market.jobStartingSoon(client);
        api.post("/api/v1/jobs/" + jobId + "/applications", Map.of("note", "Available"), worker.accessToken()).expect(201);

        api.post("/api/v1/auth/logout", Map.of("refreshToken", worker.refreshToken()), worker.accessToken()).expect(204);

        var refused = api.get("/api/v1/me", worker.accessToken());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("TOKEN_REVOKED");
    }

    @Test
    void moneyAndAdminEndpointsRefuseWhileTokensCannotBeChecked() {
        var admin = new Marketplace(api).admin();
        var client = api.signUp("CLIENT");

        assertUnavailable(api.post("/api/v1/jobs/job-1/hire", Map.of("workerId", "worker-1"), client.accessToken()));
        assertUnavailable(api.post("/api/v1/jobs/job-1/confirm", null, client.accessToken()));
        assertUnavailable(api.post("/api/v1/admin/users/" + client.id() + "/suspend", Map.of("reason", "r"), admin.accessToken()));
        assertUnavailable(api.post("/api/v1/admin/escrows/escrow-1/retry-payout", null, admin.accessToken()));

        // nothing was done, and reads, also an admin's, go on
        api.get("/api/v1/me", client.accessToken()).expect(200);
        api.get("/api/v1/admin/suspensions", admin.accessToken()).expect(200);
    }

    @Test
    void healthShowsRedisDownWhileTheInstanceStaysReady() {
        var health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("components").path("redis").path("status").asText()).isEqualTo("DOWN");

        var readiness = api.get("/actuator/health/readiness", null).expect(200).json();
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("redis")).isFalse();
    }

    private static void assertUnavailable(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.json().get("code").asText()).isEqualTo("TOKEN_CHECK_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }
}
