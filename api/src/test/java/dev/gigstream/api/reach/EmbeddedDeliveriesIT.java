package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.StompUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default's providers (nothing goes out): a push or text message lands in the recipient's inbox as a
 * {@code delivery.push} / {@code delivery.sms} notification, and every notification shows its deliveries.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.reach.sms-daily-cap-per-user=1",
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class EmbeddedDeliveriesIT {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    SimpUserRegistry users;

    @Test
    void anOfferToADisconnectedWorkerWithoutADeviceArrivesAsATextCopiedIntoTheInboxAndTheCapStopsTheNext() {
        var market = new Marketplace(api);
        var worker = market.worker();
        var client = api.signUp("CLIENT");
        market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), profile -> !profile.get("lastOnlineAt").isNull());

        market.jobStartingSoon(client);

        JsonNode offer = awaitNotification(worker, "job.match", n -> deliveries(n).contains("SMS:SENT"));
        assertThat(deliveries(offer)).containsExactly("PUSH:SKIPPED:NO_DEVICE", "SMS:SENT");
        JsonNode copy = awaitNotification(worker, "delivery.sms", n -> true);
        assertThat(copy.get("details").get("channel").asText()).isEqualTo("SMS");
        assertThat(copy.get("details").get("standsFor").asText()).isEqualTo(offer.get("id").asText());
        assertThat(copy.get("details").get("text").asText()).startsWith("Gigstream: New job: Barista for a launch")
                .contains("NGN 15,000.00").hasSizeLessThanOrEqualTo(160);
        assertThat(deliveries(copy)).as("a copy goes nowhere else").isEmpty();

        market.jobStartingSoon(client);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(worker, "job.match").size() == 2
                && notifications(worker, "job.match").stream().allMatch(n -> !deliveries(n).isEmpty()));
        assertThat(notifications(worker, "job.match").get(0).get("deliveries").toString())
                .as("the newest offer: the person's daily cap of 1 is spent").contains("SMS_CAP");
        assertThat(notifications(worker, "delivery.sms")).hasSize(1);

        var admin = market.admin();
        JsonNode stats = api.get("/api/v1/admin/stats", admin.accessToken()).expect(200).json().get("deliveries");
        assertThat(stats.get("sms").get("sent").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("sms").get("skipped").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("push").get("skipped").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("since").asText()).isNotBlank();
    }

    @Test
    void aConnectedWorkerGetsTheOfferOnTheWebSocketOnly() throws Exception {
        var market = new Marketplace(api);
        var worker = market.worker();
        var client = api.signUp("CLIENT");
        market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), profile -> !profile.get("lastOnlineAt").isNull());
        try (StompUser live = StompUser.connect(port, worker.accessToken()).subscribeToNotifications()) {
            StompUser.awaitSubscribed(users, worker.id());
            market.jobStartingSoon(client);

            assertThat(live.nextOfType("job.match", 20_000)).isNotNull();
            JsonNode offer = awaitNotification(worker, "job.match", n -> !deliveries(n).isEmpty());
            assertThat(deliveries(offer)).containsExactly("WEBSOCKET:SENT");
            assertThat(notifications(worker, "delivery.sms")).isEmpty();
            assertThat(notifications(worker, "delivery.push")).isEmpty();
        }
    }

    @Test
    void aVerificationCodeLandsInTheInboxAsATextAndConfirmsTheNumber() {
        var user = api.signUp("WORKER");
        api.post("/api/v1/me/phone/verification", null, user.accessToken()).expect(202);

        JsonNode copy = awaitNotification(user, "delivery.sms", n -> true);
        assertThat(copy.get("details").get("channel").asText()).isEqualTo("SMS");
        assertThat(copy.get("details").get("standsFor").asText()).isEqualTo("phone.verification");
        String text = copy.get("details").get("text").asText();
        assertThat(text).matches("Your Gigstream code is [0-9]{6}\\. It expires in 10 minutes\\.");
        api.post("/api/v1/me/phone/verification/confirm", Map.of("code", text.replaceAll("\\D*([0-9]{6}).*", "$1")),
                user.accessToken()).expect(204);
        assertThat(api.get("/api/v1/me", user.accessToken()).expect(200).json().get("phoneVerified").asBoolean()).isTrue();
    }

    private JsonNode awaitNotification(Api.User user, String type, java.util.function.Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> notifications(user, type).stream().filter(until).findFirst().orElse(null), n -> n != null);
    }

    private List<JsonNode> notifications(Api.User user, String type) {
        JsonNode inbox = api.get("/api/v1/notifications", user.accessToken()).expect(200).json();
        List<JsonNode> found = new ArrayList<>();
        inbox.forEach(n -> {
            if (type.equals(n.get("type").asText())) {
                found.add(n);
            }
        });
        return found;
    }

    static List<String> deliveries(JsonNode notification) {
        return StreamSupport.stream(notification.get("deliveries").spliterator(), false)
                .map(d -> d.get("channel").asText() + ":" + d.get("status").asText()
                        + (d.has("reason") ? ":" + d.get("reason").asText() : ""))
                .toList();
    }
}
