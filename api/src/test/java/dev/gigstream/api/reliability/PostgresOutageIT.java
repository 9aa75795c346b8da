package dev.gigstream.api.reliability;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresDatabases;
import dev.gigstream.api.testsupport.RestartableApp;
import dev.gigstream.api.testsupport.TcpProxy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away for 30 seconds while clients post jobs (the app's connections to it are cut
 * and refused, as if it had stopped), then comes back: meanwhile the app answers promptly with a
 * problem, every job it confirmed was stored, and within 60 seconds of the return every projection has
 * caught up and every confirmed job is visible.
 */
class PostgresOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void anOutageUnderLoadLosesNoEventAndTheAppCatchesUpWithinAMinute() throws Exception {
        var direct = new RestartableApp("--gigstream.auth.admin.email=" + Marketplace.ADMIN_EMAIL,
                "--gigstream.auth.admin.password=" + Marketplace.ADMIN_PASSWORD,
                "--gigstream.auth.rate-limit.requests=100000",
                "--spring.datasource.hikari.connection-timeout=2000");
        directUrl = direct.databaseUrl();
        URI server = URI.create(directUrl.substring("jdbc:".length()));
        try (var proxy = new TcpProxy(server.getHost(), server.getPort());
             var context = direct.through(proxy).start()) {
            Api api = RestartableApp.api(context);
            var market = new Marketplace(api);
            Api.User client = api.signUp("CLIENT");
            Api.User admin = market.admin();

            Set<String> confirmed = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<Integer> refusals = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> slowest = new ConcurrentLinkedQueue<>();
            AtomicBoolean posting = new AtomicBoolean(true);
            Thread load = new Thread(() -> {
                while (posting.get()) {
                    long started = System.nanoTime();
                    try {
                        var answer = api.post("/api/v1/jobs", job(), client.accessToken());
                        if (answer.status() == 201) {
                            confirmed.add(answer.json().get("jobId").asText());
                        } else {
                            assertThat(answer.isProblem()).as(answer.body()).isTrue();
                            refusals.add(answer.status());
                        }
                    } catch (IllegalStateException connectionTrouble) {
                        refusals.add(-1);
                    }
                    slowest.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                }
            }, "poster");
            load.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> confirmed.size() >= 20);

            proxy.cut();
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            await().atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> System.nanoTime() >= outageEnds);
            proxy.restore();
            int before = confirmed.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> confirmed.size() >= before + 20);
            posting.set(false);
            load.join();

            assertThat(refusals).as("the outage was noticed").isNotEmpty();
            assertThat(refusals).as("refused with a status, not a dropped connection").doesNotContain(-1);
            assertThat(Set.copyOf(refusals)).as("the app says the store is away").containsOnly(503);
            assertThat(slowest.stream().mapToLong(Long::longValue).max().orElse(0))
                    .as("no request hangs through the outage").isLessThan(15_000);
            assertThat(storedJobIds()).as("every confirmed job was stored").containsAll(confirmed);
            await().atMost(Duration.ofSeconds(60)).until(() -> lag(api, admin) == 0);
            List<String> missing = new ArrayList<>();
            for (String jobId : confirmed) {
                if (api.get("/api/v1/jobs/" + jobId, client.accessToken()).status() != 200) {
                    missing.add(jobId);
                }
            }
            assertThat(missing).as("confirmed jobs not visible after the catch-up").isEmpty();
        }
    }

    private static long lag(Api api, Api.User admin) {
        var answer = api.get("/api/v1/admin/projections", admin.accessToken());
        if (answer.status() != 200) {
            return -1;
        }
        long lag = 0;
        for (JsonNode projection : answer.json()) {
            lag += projection.path("lag").asLong(projection.path("position").isNull() ? 1 : 0);
        }
        return lag;
    }

    private Set<String> storedJobIds() throws Exception {
        Set<String> ids = new HashSet<>();
        try (var connection = DriverManager.getConnection(directUrl, PostgresDatabases.user(), PostgresDatabases.password());
             var rows = connection.createStatement().executeQuery(
                     "SELECT aggregate_identifier FROM domain_event_entry WHERE type = 'Job' AND sequence_number = 0")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private String directUrl;

    private static Map<String, Object> job() {
        var start = java.time.Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return Map.of("title", "Cook for a wedding", "requiredSkills", List.of("cook"),
                "location", Map.of("lat", 6.4541, "lng", 3.3947, "address", "1 Marina, Lagos"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(6)).toString()),
                "pay", Map.of("amount", 900_000, "currency", "NGN"));
    }
}
