package dev.gigstream.paystack;

import dev.gigstream.paystack.PaystackApi.Subscription;
import dev.gigstream.paystack.PaystackApi.SubscriptionPlan;
import dev.gigstream.paystack.PaystackApi.Transaction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription webhook samples read into the client's answer records, as a webhook handler would. */
class WebhookSamplesTest {

    private static JsonNode data(String sample, String event) throws IOException {
        JsonNode delivery = PaystackClient.JSON.readTree(WebhookSignatureTest.sample(sample));
        assertThat(delivery.path("event").asText()).isEqualTo(event);
        return delivery.path("data");
    }

    private static Subscription subscription(JsonNode data) {
        return PaystackClient.JSON.treeToValue(data, Subscription.class);
    }

    @Test
    void aNewSubscriptionRenewsAtItsNextPaymentDate() throws IOException {
        var created = subscription(data("subscription.create.json", "subscription.create"));

        assertThat(created.subscriptionCode()).isEqualTo("SUB_4h8nq2x7c1m9k0p");
        assertThat(created.emailToken()).isEqualTo("k2r9vx4m8q1zt6w");
        assertThat(created.renews()).isTrue();
        assertThat(created.nextPaymentDate()).isEqualTo(Instant.parse("2026-12-26T09:00:00Z"));
        assertThat(created.plan()).isEqualTo(new SubscriptionPlan("PLN_7c2kq9w4m1x8z5d", "Gigstream Business Monthly",
                2_500_000, "monthly", "NGN"));
        assertThat(created.customer().email()).isEqualTo("client@example.com");
        assertThat(created.customer().customerCode()).isEqualTo("CUS_1rkzaqsv4rrhqo6");
    }

    @Test
    void aCancelledSubscriptionStopsRenewingThenEnds() throws IOException {
        var notRenewing = subscription(data("subscription.not_renew.json", "subscription.not_renew"));
        var disabled = subscription(data("subscription.disable.json", "subscription.disable"));

        assertThat(notRenewing.status()).isEqualTo("non-renewing");
        assertThat(notRenewing.renews()).isFalse();
        assertThat(notRenewing.ended()).isFalse();
        assertThat(notRenewing.nextPaymentDate()).isNull();
        assertThat(disabled.status()).isEqualTo("complete");
        assertThat(disabled.ended()).isTrue();
        assertThat(disabled.subscriptionCode()).isEqualTo(notRenewing.subscriptionCode());
    }

    @Test
    void aFailedRenewalNamesTheSubscriptionNeedingAttention() throws IOException {
        JsonNode data = data("invoice.payment_failed.json", "invoice.payment_failed");
        var subscription = subscription(data.path("subscription"));

        assertThat(data.path("paid").asBoolean(true)).isFalse();
        assertThat(subscription.subscriptionCode()).isEqualTo("SUB_4h8nq2x7c1m9k0p");
        assertThat(subscription.status()).isEqualTo("attention");
        assertThat(subscription.renews()).isTrue();
        assertThat(data.path("customer").path("email").asText()).isEqualTo("client@example.com");
    }

    @Test
    void aRenewalChargeIsAChargeCarryingItsPlanAndAReferencePaystackMade() throws IOException {
        JsonNode data = data("charge.success.renewal.json", "charge.success");
        var charge = PaystackClient.JSON.treeToValue(data, Transaction.class);

        assertThat(charge.succeeded()).isTrue();
        assertThat(charge.amount()).isEqualTo(2_500_000);
        assertThat(charge.fees()).isEqualTo(47_500);
        assertThat(charge.metadata()).isNull();
        assertThat(data.path("plan").path("plan_code").asText()).isEqualTo("PLN_7c2kq9w4m1x8z5d");
        assertThat(data.path("customer").path("email").asText()).isEqualTo("client@example.com");
        assertThat(PaystackClient.JSON.treeToValue(data.path("plan"), SubscriptionPlan.class).interval())
                .isEqualTo("monthly");
    }
}
