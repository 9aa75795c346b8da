package dev.gigstream.api.storage;

import dev.gigstream.api.GigstreamApplication;
import dev.gigstream.api.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default profile needs no external service and loses nothing on restart: accounts,
 * events, the read models (a worker's job offers too) and the development signing key all live under
 * the data directory.
 * Wiping the read models makes the projection start on a non-empty event store and rebuild them by
 * replay (the case in which Jackson 3 once failed to read Axon's ReplayToken).
 */
class EmbeddedRestartIT {

    private static final Map<String, Double> ACCRA = Map.of("lat", 5.6037, "lng", -0.187);
    private static final List<Map<String, String>> EVERY_DAY = Arrays.stream(DayOfWeek.values())
            .map(day -> Map.of("dayOfWeek", day.name(), "from", "00:00", "to", "24:00")).toList();
    private static final String OFFERS = "/api/v1/workers/me/offers";
    private static final String SCRAPE_PASSWORD = "a scrape password";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GigstreamApplication.class)
                .run("--server.port=0", "--gigstream.data-dir=" + dataDir, "--gigstream.metrics.password=" + SCRAPE_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void theEmbeddedProfileKeepsEverythingAcrossRestartsAndRebuildsWipedReadModels() throws Exception {
        Api.User worker;
        String jobId;
        try (var first = start()) {
            Api api = api(first);
            assertThat(api.get("/actuator/health", null).expect(200).json().get("status").asText()).isEqualTo("UP");
            worker = api.signUp("WORKER");
            api.put("/api/v1/workers/me/profile", Map.of("skills", List.of("welder"), "home", ACCRA,
                    "availability", EVERY_DAY), worker.accessToken()).expect(200);
            awaitSkill(api, worker, "welder");
            jobId = postWeldingJob(api, api.signUp("CLIENT"));
            awaitOffer(api, worker, jobId);
        }

        try (var second = start()) {
            Api api = api(second);
            assertThat(api.get("/api/v1/workers/" + worker.id(), worker.accessToken()).expect(200).body())
                    .as("the read model and the signing key survived").contains("welder");
            api.logIn(worker.email(), Api.PASSWORD, worker.id());
            assertThat(api.get(OFFERS, worker.accessToken()).expect(200).json().get("items").findValuesAsString("jobId"))
                    .as("the offer survived").containsExactly(jobId);
        }

        Files.delete(dataDir.resolve("readmodels.mv"));
        try (var third = start()) {
            Api api = api(third);
            awaitSkill(api, worker, "welder");
            awaitOffer(api, worker, jobId);
            assertThat(api.get("/actuator/health", null).expect(200).json().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void theEmbeddedProfileServesItsDocumentationAndItsMetricsToOperatorsOnly() {
        try (var context = start()) {
            Api api = api(context);
            assertThat(api.get("/v3/api-docs", null).expect(200).json().get("paths").has("/api/v1/auth/register")).isTrue();
            api.get("/swagger-ui/index.html", null).expect(200);
            assertThat(api.get("/actuator/prometheus", null).expect(401).json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
            String scrapeAccount = "Basic " + Base64.getEncoder().encodeToString(("prometheus:" + SCRAPE_PASSWORD).getBytes(StandardCharsets.UTF_8));
            var scraped = api.send("GET", "/actuator/prometheus", null, null, Map.of("Authorization", scrapeAccount));
            assertThat(scraped.status()).isEqualTo(200);
            assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        }
    }

    private static String postWeldingJob(Api api, Api.User client) {
        Instant start = Instant.now().plus(Duration.ofDays(1));
        return api.post("/api/v1/jobs", Map.of("title", "Welder", "description", "Gate repair", "requiredSkills", List.of("welder"),
                "location", Map.of("lat", ACCRA.get("lat"), "lng", ACCRA.get("lng"), "address", "Osu, Accra"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(4)).toString()),
                "pay", Map.of("amount", 50_000, "currency", "GHS")), client.accessToken()).expect(201).json().get("jobId").asText();
    }

    private static void awaitOffer(Api api, Api.User worker, String jobId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get(OFFERS, worker.accessToken()).expect(200).json()
                .get("items").findValuesAsString("jobId").equals(List.of(jobId)));
    }

    private static void awaitSkill(Api api, Api.User worker, String skill) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            var response = api.get("/api/v1/workers/" + worker.id(), worker.accessToken());
            return response.status() == 200 && response.body().contains(skill);
        });
    }
}
