package dev.gigstream.api.redis;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.StompUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default: no Redis anywhere, and the deny list lives in the instance. */
@PostgresIT
class WithoutRedisIT {

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @Test
    void aLoggedOutAccessTokenIsRefusedAtOnceByThisInstance() throws Exception {
        var worker = api.signUp("WORKER");
        try (StompUser live = StompUser.connect(port, worker.accessToken())) {
            assertThat(live.connected()).isTrue();
        }

        api.post("/api/v1/auth/logout", Map.of("refreshToken", worker.refreshToken()), worker.accessToken()).expect(204);

        var refused = api.get("/api/v1/me", worker.accessToken());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("TOKEN_REVOKED");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(StompUser.refusal(port, worker.accessToken())).startsWith("TOKEN_REVOKED:");
        // logging in again gives a token that works
        var again = api.logIn(worker.email(), Api.PASSWORD, worker.id());
        api.get("/api/v1/me", again.accessToken()).expect(200);
    }

    @Test
    void healthHasNoRedisComponentAndTheProbesAreUp() {
        var health = api.get("/actuator/health", null).expect(200).json();
        assertThat(health.path("components").has("redis")).isFalse();
        assertThat(api.get("/actuator/health/readiness", null).expect(200).json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).expect(200).json().get("status").asText()).isEqualTo("UP");
    }
}
