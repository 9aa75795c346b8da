package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.push.FcmStandIn;
import dev.gigstream.sms.TermiiStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push notifications through FCM and texts through Termii (their stand-ins), over HTTP on PostgreSQL: who gets what
 * by which channel, an unregistered device forgotten, preferences and quiet hours honoured except for what one must
 * not miss, and an FCM outage that delays only the pushes.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.reach.push-provider=fcm",
        "gigstream.reach.sms-provider=termii",
        "gigstream.reach.retry-first=1s",
        "gigstream.reach.circuit-pause=2s",
        "gigstream.termii.api-key=key",
        "gigstream.termii.secret-key=secret"})
class PushAndTextDeliveriesIT {

    static final FcmStandIn FCM = new FcmStandIn();
    static final TermiiStandIn TERMII = new TermiiStandIn("key");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("gigstream.fcm.base-url", FCM::baseUrl);
        registry.add("gigstream.fcm.service-account", FCM::serviceAccountJson);
        registry.add("gigstream.termii.base-url", TERMII::baseUrl);
    }

    @AfterAll
    static void close() {
        FCM.close();
        TERMII.close();
    }

    @Autowired
    Api api;

    @Test
    void anOfferReachesADisconnectedWorkersDeviceAndAnUnregisteredOneIsForgottenAndTextedInstead() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var pushed = onlineWorker(market, client);
        String token = register(pushed);
        var gone = onlineWorker(market, client);
        String goneToken = register(gone);
        FCM.unregistered(goneToken);

        market.jobStartingSoon(client);

        JsonNode offer = await(pushed, "job.match", n -> EmbeddedDeliveriesIT.deliveries(n).contains("PUSH:SENT"));
        assertThat(EmbeddedDeliveriesIT.deliveries(offer)).containsExactly("PUSH:SENT");
        FcmStandIn.Message message = FCM.sent().stream().filter(m -> m.token().equals(token)).findFirst().orElseThrow();
        assertThat(message.title()).isEqualTo("New job: Barista for a launch");
        assertThat(message.data()).containsEntry("notificationId", offer.get("id").asText());

        JsonNode texted = await(gone, "job.match", n -> EmbeddedDeliveriesIT.deliveries(n).contains("SMS:SENT"));
        assertThat(EmbeddedDeliveriesIT.deliveries(texted)).containsExactlyInAnyOrder("PUSH:FAILED:DEVICE_GONE", "SMS:SENT");
        assertThat(api.get("/api/v1/me/devices", gone.accessToken()).expect(200).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/me/devices", pushed.accessToken()).expect(200).json().get("items")).hasSize(1);
    }

    @Test
    void preferencesAndQuietHoursHoldBackAnOfferButNotTheHire() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var quiet = onlineWorker(market, client);
        String token = register(quiet);
        LocalTime lagos = LocalTime.now(ZoneId.of("Africa/Lagos"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        api.put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("rating.received", List.of()),
                "quietHours", Map.of("from", lagos.minusHours(1).format(hhmm), "to", lagos.plusHours(1).format(hhmm),
                        "zone", "Africa/Lagos")), quiet.accessToken()).expect(200);
        var noOffers = onlineWorker(market, client);
        register(noOffers);
        api.put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("job.match", List.of())),
                noOffers.accessToken()).expect(200);

        String jobId = market.jobStartingSoon(client);

        JsonNode held = await(quiet, "job.match", n -> !EmbeddedDeliveriesIT.deliveries(n).isEmpty());
        assertThat(EmbeddedDeliveriesIT.deliveries(held)).containsExactly("PUSH:SKIPPED:QUIET_HOURS", "SMS:SKIPPED:QUIET_HOURS");
        JsonNode refused = await(noOffers, "job.match", n -> !EmbeddedDeliveriesIT.deliveries(n).isEmpty());
        assertThat(EmbeddedDeliveriesIT.deliveries(refused)).containsExactly("PUSH:SKIPPED:PREFERENCE", "SMS:SKIPPED:PREFERENCE");

        market.hire(client, quiet, jobId);
        JsonNode hired = await(quiet, "worker.hired", n -> EmbeddedDeliveriesIT.deliveries(n).contains("PUSH:SENT"));
        assertThat(EmbeddedDeliveriesIT.deliveries(hired)).as("one must not miss being hired").containsExactly("PUSH:SENT");
        assertThat(FCM.sent()).filteredOn(m -> m.token().equals(token)).extracting(FcmStandIn.Message::title)
                .containsExactly("You're hired: Barista for a launch");
    }

    @Test
    void anFcmOutageDelaysOnlyThePushWhileATextGoesOut() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var withDevice = onlineWorker(market, client);
        String token = register(withDevice);
        var withoutDevice = onlineWorker(market, client);
        FCM.down();
        try {
            market.jobStartingSoon(client);

            await(withoutDevice, "job.match", n -> EmbeddedDeliveriesIT.deliveries(n).contains("SMS:SENT"));
            JsonNode waiting = await(withDevice, "job.match", n -> !EmbeddedDeliveriesIT.deliveries(n).isEmpty());
            assertThat(EmbeddedDeliveriesIT.deliveries(waiting)).singleElement().asString().startsWith("PUSH:").doesNotContain("SENT");
            assertThat(FCM.sent()).noneMatch(m -> m.token().equals(token));
        } finally {
            FCM.up();
        }
        JsonNode sent = await(withDevice, "job.match", n -> EmbeddedDeliveriesIT.deliveries(n).contains("PUSH:SENT"));
        assertThat(sent).isNotNull();
        assertThat(FCM.sent()).filteredOn(m -> m.token().equals(token)).hasSize(1);
    }

    private Api.User onlineWorker(Marketplace market, Api.User client) {
        var worker = market.worker();
        market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), profile -> !profile.get("lastOnlineAt").isNull());
        return worker;
    }

    private String register(Api.User user) {
        String token = "fcm-" + UUID.randomUUID();
        api.post("/api/v1/me/devices", Map.of("platform", "ANDROID", "token", token), user.accessToken()).expect(201);
        return token;
    }

    private JsonNode await(Api.User user, String type, Predicate<JsonNode> until) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> {
            List<JsonNode> found = new ArrayList<>();
            api.get("/api/v1/notifications", user.accessToken()).expect(200).json().forEach(n -> {
                if (type.equals(n.get("type").asText()) && until.test(n)) {
                    found.add(n);
                }
            });
            return found.isEmpty() ? null : found.get(0);
        }, n -> n != null);
    }
}
