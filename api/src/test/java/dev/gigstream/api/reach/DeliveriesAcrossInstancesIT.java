package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.RestartableApp;
import dev.gigstream.sms.TermiiStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL, each with read models (and a notification inbox) of its own: every offer is
 * handed to the deliveries by both inboxes, and each goes out once per channel, as many texts as offers.
 */
class DeliveriesAcrossInstancesIT {

    private static final int WORKERS = 3;
    private static final int JOBS = 3;

    @Test
    void eachNotificationIsTextedOnceWithTwoInstances() {
        try (TermiiStandIn termii = new TermiiStandIn("key")) {
            var app = new RestartableApp("--gigstream.reach.sms-provider=termii", "--gigstream.termii.api-key=key",
                    "--gigstream.termii.secret-key=secret", "--gigstream.termii.base-url=" + termii.baseUrl(),
                    "--gigstream.reach.sms-daily-cap-per-user=100");
            try (ConfigurableApplicationContext first = app.start(); ConfigurableApplicationContext second = app.start()) {
                var a = new Marketplace(RestartableApp.api(first));
                var b = new Marketplace(RestartableApp.api(second));
                List<Api.User> workers = new ArrayList<>();
                for (int i = 0; i < WORKERS; i++) {
                    workers.add((i % 2 == 0 ? a : b).worker());
                }
                Api.User client = a.api().signUp("CLIENT");
                for (Api.User worker : workers) {
                    a.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), p -> !p.get("lastOnlineAt").isNull());
                    b.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), p -> !p.get("lastOnlineAt").isNull());
                }
                for (int i = 0; i < JOBS; i++) {
                    (i % 2 == 0 ? a : b).jobStartingSoon(client);
                }

                for (Api.User worker : workers) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> a.inbox(worker).stream().filter("job.match"::equals).count() == JOBS
                            && b.inbox(worker).stream().filter("job.match"::equals).count() == JOBS);
                }
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(records(jdbc))
                        .as("the deliveries").filteredOn("SMS:SENT:"::equals).hasSize(WORKERS * JOBS));
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                        .until(() -> termii.sent().size() == WORKERS * JOBS);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE channel = 'SMS'").query(Long.class).single())
                        .as("one SMS record per offer").isEqualTo((long) WORKERS * JOBS);
                assertThat(termii.sent().stream().map(TermiiStandIn.SentText::messageId).distinct()).hasSize(WORKERS * JOBS);
            }
        }
    }

    private static List<String> records(JdbcClient jdbc) {
        return jdbc.sql("SELECT channel || ':' || status || ':' || COALESCE(reason, '') AS s FROM notification_delivery ORDER BY 1")
                .query(String.class).list();
    }
}
