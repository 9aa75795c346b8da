package dev.gigstream.api.auth;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIT
@TestPropertySource(properties = {"gigstream.auth.rate-limit.requests=3", "gigstream.auth.rate-limit.per=1m"})
class AuthRateLimitIT {

    @Autowired
    Api api;

    @Test
    void aFourthLoginAttemptInAMinuteIsRateLimitedWithRetryAfter() {
        Map<String, String> guess = Map.of("email", "victim@example.com", "password", "guess number one");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(api.post("/api/v1/auth/login", guess, null).status()).as("attempt " + attempt).isEqualTo(401);
        }

        var limited = api.post("/api/v1/auth/login", guess, null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

        // register and refresh have buckets of their own
        var registered = api.post("/api/v1/auth/register",
                Api.registration("new-" + UUID.randomUUID() + "@example.com", "CLIENT"), null);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", "x"), null).status()).isEqualTo(401);
    }
}
