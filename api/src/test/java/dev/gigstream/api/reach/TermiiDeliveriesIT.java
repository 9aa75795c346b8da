package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.sms.TermiiStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text messages through Termii (its stand-in): an offer to a worker without a device goes by SMS, its delivery
 * report marks it delivered, and once the platform's daily budget (1 here) is spent the next is skipped.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.reach.sms-provider=termii",
        "gigstream.reach.sms-daily-budget=1",
        "gigstream.termii.api-key=" + TermiiDeliveriesIT.API_KEY,
        "gigstream.termii.secret-key=" + TermiiDeliveriesIT.SECRET})
class TermiiDeliveriesIT {

    static final String API_KEY = "termii-test-key";
    static final String SECRET = "termii-test-secret";
    static final TermiiStandIn TERMII = new TermiiStandIn(API_KEY);

    @DynamicPropertySource
    static void termii(DynamicPropertyRegistry registry) {
        registry.add("gigstream.termii.base-url", TERMII::baseUrl);
    }

    @AfterAll
    static void close() {
        TERMII.close();
    }

    @Autowired
    Api api;

    @Test
    void anOfferGoesByTextItsReportMarksItDeliveredAndTheSpentBudgetSkipsTheNext() {
        var market = new Marketplace(api);
        var worker = market.worker();
        var client = api.signUp("CLIENT");
        market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), profile -> !profile.get("lastOnlineAt").isNull());

        market.jobStartingSoon(client);

        await().atMost(Duration.ofSeconds(30)).until(() -> !TERMII.sent().isEmpty());
        TermiiStandIn.SentText text = TERMII.sent().get(0);
        assertThat(text.to()).isEqualTo("2348012345678");
        assertThat(text.from()).isEqualTo("Gigstream");
        assertThat(text.channel()).isEqualTo("dnd");
        assertThat(text.sms()).startsWith("Gigstream: New job: Barista for a launch").hasSizeLessThanOrEqualTo(160);
        JsonNode offer = await().atMost(Duration.ofSeconds(20)).until(() -> offers(worker).get(0),
                n -> EmbeddedDeliveriesIT.deliveries(n).contains("SMS:SENT"));

        byte[] report = TERMII.deliveryReport(text.messageId(), "DELIVERED");
        assertThat(webhook(report, "00".repeat(64)).status()).isEqualTo(401);
        assertThat(webhook(report, null).body()).contains("BAD_SIGNATURE");
        byte[] malformed = "{\"status\": \"DELIVERED\"}".getBytes(StandardCharsets.UTF_8);
        Api.Response refused = webhook(malformed, TermiiStandIn.signature(malformed, SECRET));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("WEBHOOK_MALFORMED");
        byte[] stranger = new String(report, StandardCharsets.UTF_8).replace(text.messageId(), "no-such-message")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response unknown = webhook(stranger, TermiiStandIn.signature(stranger, SECRET));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("UNKNOWN_MESSAGE");
        assertThat(EmbeddedDeliveriesIT.deliveries(offers(worker).get(0))).as("nothing changed by the refused reports")
                .contains("SMS:SENT");

        assertThat(webhook(report, TermiiStandIn.signature(report, SECRET)).status()).isEqualTo(200);
        assertThat(webhook(report, TermiiStandIn.signature(report, SECRET)).status()).as("a repeat").isEqualTo(200);
        assertThat(EmbeddedDeliveriesIT.deliveries(offers(worker).get(0))).contains("SMS:DELIVERED");
        assertThat(offer.get("id").asText()).isEqualTo(offers(worker).get(0).get("id").asText());

        market.jobStartingSoon(client);
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(worker).size() == 2
                && EmbeddedDeliveriesIT.deliveries(offers(worker).get(0)).contains("SMS:SKIPPED:SMS_BUDGET"));
        assertThat(TERMII.sent()).hasSize(1);
    }

    private List<JsonNode> offers(Api.User worker) {
        List<JsonNode> offers = new ArrayList<>();
        api.get("/api/v1/notifications", worker.accessToken()).expect(200).json().forEach(n -> {
            if ("job.match".equals(n.get("type").asText())) {
                offers.add(n);
            }
        });
        return offers;
    }

    private Api.Response webhook(byte[] body, String signature) {
        return api.send("POST", "/api/v1/webhooks/termii", new String(body, StandardCharsets.UTF_8), null,
                signature == null ? Map.of() : Map.of("X-Termii-Signature", signature));
    }
}
