package dev.gigstream.api.location;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Share-link tokens cannot be guessed by trying: look-ups are rate limited per client address. */
@PostgresIT
@TestPropertySource(properties = {"gigstream.location.share-rate-limit.requests=3"})
class ShareRateLimitIT {

    @Autowired
    Api api;

    private static String guess() {
        byte[] bytes = new byte[32];
        System.arraycopy(UUID.randomUUID().toString().getBytes(), 0, bytes, 0, 32);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aFourthLookUpInAMinuteIsRateLimitedWithRetryAfter() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(api.get("/api/v1/location-shares/" + guess(), null).status()).as("guess " + attempt).isEqualTo(404);
        }

        var limited = api.get("/api/v1/location-shares/" + guess(), null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(api.get("/share/" + guess(), null).status()).as("the page itself tells nothing").isEqualTo(200);
    }
}
