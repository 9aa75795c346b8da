package dev.gigstream.api.idempotency;

import dev.gigstream.api.GigstreamApplication;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresDatabases;
import dev.gigstream.api.testsupport.RestartableApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.gigstream.api.idempotency.IdempotencyIT.JOBS;
import static dev.gigstream.api.idempotency.IdempotencyIT.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys live in the database, not in an instance: a retry sent to another instance, or after a restart,
 * is answered from the first answer, on PostgreSQL and on the embedded default's H2 alike, and requests
 * with one key racing on two instances act once.
 */
class IdempotencyAcrossInstancesIT {

    @TempDir
    Path dataDir;

    @Test
    void onPostgresARetryOnAnotherInstanceOrAfterARestartActsOnce() throws Exception {
        RestartableApp app = new RestartableApp();
        Api.User client;
        String key = UUID.randomUUID().toString();
        String registrationKey = UUID.randomUUID().toString();
        Map<String, Object> registration = Api.registration("twice-" + UUID.randomUUID() + "@example.com", "CLIENT");
        Api.Response first;
        Api.Response registered;
        try (ConfigurableApplicationContext one = app.start(); ConfigurableApplicationContext two = app.start()) {
            Api a = RestartableApp.api(one);
            Api b = RestartableApp.api(two);
            client = a.signUp("CLIENT");
            first = post(a, job("Barista"), client, key).expect(201);
            assertReplay(first, post(b, job("Barista"), client, key));

            registered = a.send("POST", "/api/v1/auth/register", registration, null, Map.of("Idempotency-Key", registrationKey));
            assertReplay(registered.expect(201),
                    b.send("POST", "/api/v1/auth/register", registration, null, Map.of("Idempotency-Key", registrationKey)));

            String raceKey = UUID.randomUUID().toString();
            List<CompletableFuture<Api.Response>> racing = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Api instance = i % 2 == 0 ? a : b;
                racing.add(CompletableFuture.supplyAsync(() -> post(instance, job("Waiter"), client, raceKey)));
            }
            List<Api.Response> answers = racing.stream().map(CompletableFuture::join).toList();
            assertThat(answers).filteredOn(answer -> answer.status() == 201 && answer.header("Idempotent-Replayed") == null)
                    .as("one of the racing requests acted").hasSize(1);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(201, 409));
        }
        try (ConfigurableApplicationContext restarted = app.start()) {
            Api api = RestartableApp.api(restarted);
            assertReplay(first, post(api, job("Barista"), client, key));
            assertReplay(registered,
                    api.send("POST", "/api/v1/auth/register", registration, null, Map.of("Idempotency-Key", registrationKey)));
        }
        assertThat(jobsPostedIn(app.databaseUrl())).as("one job per key: Barista and Waiter").isEqualTo(2);
    }

    @Test
    void onTheEmbeddedDefaultARetryAfterARestartActsOnce() {
        String key = UUID.randomUUID().toString();
        Api.User client;
        Api.Response first;
        try (ConfigurableApplicationContext context = startEmbedded()) {
            Api api = RestartableApp.api(context);
            client = api.signUp("CLIENT");
            first = post(api, job("Barista"), client, key).expect(201);
            assertReplay(first, post(api, job("Barista"), client, key));
        }
        try (ConfigurableApplicationContext context = startEmbedded()) {
            Api api = RestartableApp.api(context);
            assertReplay(first, post(api, job("Barista"), client, key));
            String marker = api.post(JOBS, job("Marker"), client.accessToken()).expect(201).json().get("jobId").asText();
            List<String> jobs = await().atMost(Duration.ofSeconds(20)).until(() -> api.get(JOBS + "?mine=true", client.accessToken())
                    .expect(200).json().get("items").findValuesAsString("jobId"), ids -> ids.contains(marker));
            assertThat(jobs).containsExactlyInAnyOrder(first.json().get("jobId").asText(), marker);
        }
    }

    private ConfigurableApplicationContext startEmbedded() {
        return new SpringApplicationBuilder(GigstreamApplication.class).run("--server.port=0", "--gigstream.data-dir=" + dataDir);
    }

    private static Api.Response post(Api api, Object body, Api.User caller, String key) {
        return api.send("POST", JOBS, body, caller.accessToken(), Map.of("Idempotency-Key", key));
    }

    private static void assertReplay(Api.Response first, Api.Response retry) {
        assertThat(retry.status()).as(retry.body()).isEqualTo(first.status());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    private static long jobsPostedIn(String databaseUrl) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", PostgresDatabases.user());
        login.setProperty("password", PostgresDatabases.password());
        try (Connection connection = DriverManager.getConnection(databaseUrl, login);
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%.JobPosted'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
