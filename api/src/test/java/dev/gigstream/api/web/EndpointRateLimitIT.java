package dev.gigstream.api.web;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.UUID;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint is rate limited: per user for authenticated calls, per client address for public ones
 * and for Paystack's webhooks. Requests from an address of their own come through a trusted proxy
 * (X-Forwarded-For); sign-ups and logins count against the auth limit only.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.rate-limits.groups.writes.requests=" + EndpointRateLimitIT.WRITES,
        "gigstream.rate-limits.groups.reads.requests=" + EndpointRateLimitIT.READS,
        "gigstream.rate-limits.groups.public.requests=" + EndpointRateLimitIT.PUBLIC,
        "gigstream.rate-limits.groups.webhooks.requests=" + EndpointRateLimitIT.WEBHOOKS,
        "gigstream.rate-limits.groups.admin.requests=" + EndpointRateLimitIT.ADMIN,
        "server.forward-headers-strategy=native",
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class EndpointRateLimitIT {

    static final int WRITES = 3;
    static final int READS = 5;
    static final int PUBLIC = 3;
    static final int WEBHOOKS = 4;
    static final int ADMIN = 7;

    @Autowired
    Api api;

    private Api.Response write(Api.User user) {
        return api.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null, user.accessToken());
    }

    private Api.Response from(String address, String method, String path, String token) {
        return api.send(method, path, null, token, Map.of("X-Forwarded-For", address));
    }

    @Test
    void aUserOverTheWriteLimitIsRefusedWithHeadersWhileAnotherUserIsNot() {
        var busy = api.signUp("WORKER");
        var other = api.signUp("WORKER");
        for (int write = 1; write <= WRITES; write++) {
            var answer = write(busy);
            assertThat(answer.status()).as("write " + write).isNotEqualTo(429);
            assertThat(answer.header("RateLimit-Remaining")).as("write " + write).isEqualTo(Integer.toString(WRITES - write));
        }

        var limited = write(busy);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 20L);
        assertThat(limited.header("RateLimit-Limit")).isEqualTo(Integer.toString(WRITES));
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(limited.header("RateLimit-Reset"))).isBetween(1L, 60L);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        // the same user from another address is still over; another user is not, nor are the user's reads
        assertThat(api.send("POST", "/api/v1/notifications/x/read", null, busy.accessToken(),
                Map.of("X-Forwarded-For", "198.51.100.40")).status()).isEqualTo(429);
        assertThat(write(other).status()).isNotEqualTo(429);
        api.get("/api/v1/me", busy.accessToken()).expect(200);
    }

    @Test
    void answersWithinTheLimitCarryTheRateLimitHeaders() {
        var worker = api.signUp("WORKER");

        var answer = api.get("/api/v1/me", worker.accessToken()).expect(200);

        assertThat(answer.header("RateLimit-Limit")).isEqualTo(Integer.toString(READS));
        assertThat(answer.header("RateLimit-Remaining")).isEqualTo(Integer.toString(READS - 1));
        assertThat(Long.parseLong(answer.header("RateLimit-Reset"))).isBetween(1L, 60L);
        assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(READS - 1));
    }

    @Test
    void publicEndpointsAreLimitedPerClientAddress() {
        String address = "198.51.100.1";
        for (int request = 1; request <= PUBLIC; request++) {
            var page = from(address, "GET", "/share/some-token", null).expect(200);
            assertThat(page.header("RateLimit-Limit")).isEqualTo(Integer.toString(PUBLIC));
        }

        var limited = from(address, "GET", "/share/some-token", null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isNotNull();
        from("198.51.100.2", "GET", "/share/some-token", null).expect(200);
        // a protected endpoint without a token is still 401, and health probes are never limited
        var anonymous = from(address, "GET", "/api/v1/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        var health = from(address, "GET", "/actuator/health", null).expect(200);
        assertThat(health.header("RateLimit-Limit")).isNull();
    }

    @Test
    void aSignedInUserIsLimitedByAccountNotByTheAddressesPublicBucket() {
        String address = "198.51.100.3";
        for (int request = 1; request <= PUBLIC; request++) {
            from(address, "GET", "/share/some-token", null).expect(200);
        }
        var worker = api.signUp("WORKER");

        var read = from(address, "GET", "/api/v1/me", worker.accessToken()).expect(200);

        assertThat(read.header("RateLimit-Limit")).isEqualTo(Integer.toString(READS));
    }

    @Test
    void webhooksAreLimitedPerAddressEvenWithAnAccessToken() {
        var worker = api.signUp("WORKER");
        String paystack = "198.51.100.20";
        for (int delivery = 1; delivery <= WEBHOOKS; delivery++) {
            // unsigned, so refused by the controller, but counted first
            String token = delivery % 2 == 0 ? worker.accessToken() : null;
            var answer = from(paystack, "POST", "/api/v1/webhooks/paystack", token);
            assertThat(answer.status()).as("delivery " + delivery).isNotEqualTo(429);
            assertThat(answer.header("RateLimit-Limit")).isEqualTo(Integer.toString(WEBHOOKS));
        }

        var limited = from(paystack, "POST", "/api/v1/webhooks/paystack", api.signUp("WORKER").accessToken());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(from("198.51.100.21", "POST", "/api/v1/webhooks/paystack", null).status()).isNotEqualTo(429);
        assertThat(write(worker).status()).as("the worker's own writes").isNotEqualTo(429);
    }

    @Test
    void adminEndpointsHaveTheirOwnLimit() {
        var admin = new Marketplace(api).admin();

        var stats = api.get("/api/v1/admin/stats", admin.accessToken()).expect(200);

        assertThat(stats.header("RateLimit-Limit")).isEqualTo(Integer.toString(ADMIN));
        assertThat(api.get("/api/v1/me", admin.accessToken()).header("RateLimit-Limit")).isEqualTo(Integer.toString(READS));
    }

    @Test
    void theApiDocumentationTellsClientsAboutTheLimit() {
        var docs = from("198.51.100.30", "GET", "/v3/api-docs", null).expect(200).json();

        var tooMany = docs.get("paths").get("/api/v1/jobs").get("post").get("responses").get("429");
        assertThat(tooMany).isNotNull();
        assertThat(tooMany.get("headers").has("Retry-After")).isTrue();
        assertThat(tooMany.get("headers").has("RateLimit-Reset")).isTrue();
    }
}
