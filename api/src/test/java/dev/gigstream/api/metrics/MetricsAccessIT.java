package dev.gigstream.api.metrics;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Metrics are for operators: an admin's token or the scrape account; health stays public. */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.metrics.username=prometheus",
        "gigstream.metrics.password=" + MetricsAccessIT.SCRAPE_PASSWORD})
class MetricsAccessIT {

    static final String SCRAPE_PASSWORD = "scrape password for tests";
    private static final String METRICS = "/actuator/prometheus";

    @Autowired
    Api api;

    @Test
    void strangersAreAskedForCredentials() {
        var answer = api.get(METRICS, null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void workersAndClientsMayNotReadThem() {
        for (String role : new String[]{"WORKER", "CLIENT"}) {
            var answer = api.get(METRICS, api.signUp(role).accessToken());

            assertThat(answer.status()).as(role).isEqualTo(403);
            assertThat(answer.json().get("code").asText()).as(role).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void anAdminReadsThem() {
        var admin = new Marketplace(api).admin();

        var answer = api.get(METRICS, admin.accessToken());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void prometheusScrapesWithTheConfiguredAccountAndNoOtherPassword() {
        var scraped = api.send("GET", METRICS, null, null, Map.of("Authorization", basic("prometheus", SCRAPE_PASSWORD)));
        var guessed = api.send("GET", METRICS, null, null, Map.of("Authorization", basic("prometheus", "guess")));

        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        assertThat(guessed.status()).isEqualTo(401);
        assertThat(guessed.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void healthStaysPublic() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
