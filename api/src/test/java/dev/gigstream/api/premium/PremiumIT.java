package dev.gigstream.api.premium;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.RestartableApp;
import dev.gigstream.paystack.PaystackClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker buys premium through a Paystack plan (a local stand-in), rises to the top of a job's
 * applicants, cancels, and loses premium exactly when the paid period ends, with the application
 * restarted in between: the period's end is a persistent deadline.
 */
class PremiumIT {

    private final RestartableApp app = new RestartableApp("--gigstream.auth.rate-limit.requests=10000",
            "--gigstream.auth.admin.email=" + Marketplace.ADMIN_EMAIL,
            "--gigstream.auth.admin.password=" + Marketplace.ADMIN_PASSWORD);

    @Test
    void premiumRanksAWorkerFirstUntilItsPaidPeriodEndsAcrossARestart() {
        Instant periodEnd = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Api.User client;
        Api.User subscriber;
        Api.User other;
        String jobId;
        try (var first = app.start()) {
            Api api = RestartableApp.api(first);
            var market = new Marketplace(api);
            subscriber = market.worker();
            other = market.worker(); // online after the subscriber: first while neither is premium
            client = api.signUp("CLIENT");
            jobId = market.jobStartingSoon(client);
            api.post("/api/v1/jobs/" + jobId + "/applications", null, subscriber.accessToken()).expect(201);
            api.post("/api/v1/jobs/" + jobId + "/applications", null, other.accessToken()).expect(201);
            awaitRanking(api, jobId, client, other, subscriber);

            assertThat(api.post("/api/v1/workers/me/premium", null, client.accessToken()).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/workers/me/premium", null, market.admin().accessToken()).status()).isEqualTo(403);
            assertThat(code(cancel(api, subscriber), 409)).isEqualTo("NO_PREMIUM_SUBSCRIPTION");
            assertThat(api.post("/api/v1/workers/me/premium", Map.of("currency", "USD"), subscriber.accessToken()).status())
                    .isEqualTo(400);

            JsonNode checkout = api.post("/api/v1/workers/me/premium", null, subscriber.accessToken()).expect(200).json();
            assertThat(checkout.get("authorizationUrl").asText()).startsWith("https://checkout.paystack.com/");
            String reference = checkout.get("reference").asText();
            var initialized = market.paystack().requests("POST", "transaction/initialize").stream()
                    .filter(r -> reference.equals(r.body().path("reference").asText())).findFirst().orElseThrow();
            assertThat(initialized.body().path("plan").asText()).startsWith("PLN_");

            ObjectNode subscription = market.paystack().subscribe(reference, periodEnd);
            String created = webhook("subscription.create", subscription);
            market.deliverSigned(created).expect(200);
            JsonNode profile = market.awaitJson("/api/v1/workers/" + subscriber.id(), client.accessToken(),
                    view -> view.get("premium").asBoolean());
            assertThat(Instant.parse(profile.get("premiumUntil").asText())).isEqualTo(periodEnd);
            awaitRanking(api, jobId, client, subscriber, other);

            market.deliverSigned(created).expect(200);
            assertThat(code(api.post("/api/v1/workers/me/premium", null, subscriber.accessToken()), 409))
                    .isEqualTo("ALREADY_PREMIUM");
            await().atMost(Duration.ofSeconds(10)).until(() -> market.inbox(subscriber).contains("premium.started"));
            assertThat(market.inbox(subscriber).stream().filter("premium.started"::equals)).as("a duplicate delivery changes nothing")
                    .hasSize(1);

            cancel(api, subscriber).expect(202);
            assertThat(market.paystack().requests("POST", "subscription/disable")).last()
                    .satisfies(r -> assertThat(r.body().path("code").asText()).isEqualTo(subscription.path("subscription_code").asText()));
            subscription.put("status", "complete");
            market.deliverSigned(webhook("subscription.disable", subscription)).expect(200);
            assertThat(code(cancel(api, subscriber), 409)).isEqualTo("NO_PREMIUM_SUBSCRIPTION");
            assertThat(api.get("/api/v1/workers/" + subscriber.id(), client.accessToken()).json().get("premium").asBoolean())
                    .as("premium lasts to the end of the paid period").isTrue();
        }

        try (var second = app.start()) {
            Api api = RestartableApp.api(second);
            var market = new Marketplace(api);
            market.awaitJson("/api/v1/workers/" + subscriber.id(), client.accessToken(), view -> view.get("premium").asBoolean());

            int moved = second.getBean(JdbcClient.class)
                    .sql("UPDATE scheduled_tasks SET execution_time = :now WHERE execution_time > :inTwentyDays")
                    .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .param("inTwentyDays", OffsetDateTime.now(ZoneOffset.UTC).plusDays(20))
                    .update();
            assertThat(moved).as("the end of the paid period, still scheduled after the restart").isEqualTo(1);

            JsonNode ended = market.awaitJson("/api/v1/workers/" + subscriber.id(), client.accessToken(),
                    view -> !view.get("premium").asBoolean());
            assertThat(ended.get("premiumUntil").isNull()).isTrue();
            awaitRanking(api, jobId, client, other, subscriber);
            await().atMost(Duration.ofSeconds(10)).until(() -> market.inbox(subscriber).contains("premium.ended"));
        }
    }

    private static void awaitRanking(Api api, String jobId, Api.User client, Api.User firstWorker, Api.User secondWorker) {
        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/jobs/" + jobId + "/applicants", client.accessToken()),
                ranked -> ranked.status() == 200 && ranked.json().get("items").findValuesAsString("workerId")
                        .equals(List.of(firstWorker.id(), secondWorker.id())));
    }

    private static Api.Response cancel(Api api, Api.User worker) {
        return api.send("DELETE", "/api/v1/workers/me/premium", null, worker.accessToken(), Map.of());
    }

    /** A Paystack subscription event carrying the subscription as the stand-in knows it. */
    private static String webhook(String event, ObjectNode subscription) {
        ObjectNode delivery = PaystackClient.JSON.createObjectNode().put("event", event);
        delivery.set("data", subscription);
        return delivery.toString();
    }

    private static String code(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json().get("code").asText();
    }
}
