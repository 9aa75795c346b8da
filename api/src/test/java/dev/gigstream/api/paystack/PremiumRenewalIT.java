package dev.gigstream.api.paystack;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.paystack.PaystackClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Premium renewals: a renewal charge extends the period; a lost renewal webhook is made good by the sweep. */
@PostgresIT
class PremiumRenewalIT {

    @Autowired
    Api api;

    @Autowired
    ReconciliationSweep sweep;

    @Autowired
    PremiumReconciliation premiums;

    @Test
    void aRenewalChargeExtendsPremiumByAMonthAndFailedInvoicesOrStrangersChangeNothing() {
        var market = new Marketplace(api);
        var worker = market.worker();
        Instant periodEnd = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode subscription = subscribe(market, worker, periodEnd);
        market.deliverSigned(webhook("subscription.create", subscription)).expect(200);
        market.awaitJson("/api/v1/workers/" + worker.id(), worker.accessToken(), view -> view.get("premium").asBoolean());

        ObjectNode renewal = (ObjectNode) sample("charge.success.renewal.json");
        ((ObjectNode) renewal.get("data")).put("paid_at", periodEnd.toString()).put("id", periodEnd.toEpochMilli())
                .set("plan", subscription.get("plan"));
        ((ObjectNode) renewal.get("data").get("customer")).put("email", worker.email());
        market.deliverSigned(renewal.toString()).expect(200);

        Instant nextEnd = periodEnd.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        market.awaitJson("/api/v1/workers/" + worker.id(), worker.accessToken(),
                view -> nextEnd.equals(Instant.parse(view.get("premiumUntil").asText())));

        ObjectNode failed = (ObjectNode) sample("invoice.payment_failed.json");
        ((ObjectNode) failed.get("data").get("subscription")).put("subscription_code", subscription.path("subscription_code").asText());
        market.deliverSigned(failed.toString()).expect(200);
        ObjectNode stranger = subscription.deepCopy();
        stranger.put("subscription_code", "SUB_notours").set("customer", PaystackClient.JSON.createObjectNode()
                .put("email", "nobody@example.com"));
        market.deliverSigned(webhook("subscription.create", stranger)).expect(200);
        assertThat(api.get("/api/v1/workers/" + worker.id(), worker.accessToken()).json().get("premiumUntil").asText())
                .isEqualTo(nextEnd.toString());
    }

    @Test
    void aRenewalWhoseWebhookWasLostIsFoundByTheSweep() {
        var market = new Marketplace(api);
        var worker = market.worker();
        Instant atPaystack = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode subscription = subscribe(market, worker, atPaystack);
        subscription.put("next_payment_date", Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString());
        market.deliverSigned(webhook("subscription.create", subscription)).expect(200); // a period that already ended
        market.awaitJson("/api/v1/notifications", worker.accessToken(), inbox -> inbox.findValuesAsString("type").contains("premium.ended"));

        int applied = sweep.sweep(premiums);

        assertThat(applied).isPositive();
        JsonNode profile = market.awaitJson("/api/v1/workers/" + worker.id(), worker.accessToken(),
                view -> view.hasNonNull("premiumUntil") && atPaystack.equals(Instant.parse(view.get("premiumUntil").asText())));
        assertThat(profile.get("premium").asBoolean()).isTrue();
    }

    private ObjectNode subscribe(Marketplace market, Api.User worker, Instant nextPaymentDate) {
        String reference = api.post("/api/v1/workers/me/premium", null, worker.accessToken()).expect(200).json()
                .get("reference").asText();
        return market.paystack().subscribe(reference, nextPaymentDate);
    }

    private static String webhook(String event, ObjectNode subscription) {
        ObjectNode delivery = PaystackClient.JSON.createObjectNode().put("event", event);
        delivery.set("data", subscription);
        return delivery.toString();
    }

    private static JsonNode sample(String name) {
        try (InputStream in = PremiumRenewalIT.class.getResourceAsStream("/webhooks/" + name)) {
            return PaystackClient.JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
