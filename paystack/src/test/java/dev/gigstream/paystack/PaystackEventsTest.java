package dev.gigstream.paystack;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paystack's event samples read into their typed records, and nothing of another JSON type does. */
class PaystackEventsTest {

    private static ObjectNode delivery(String sample) throws IOException {
        return (ObjectNode) PaystackClient.JSON.readTree(WebhookSignatureTest.sample(sample));
    }

    private static PaystackEvents.Data read(JsonNode delivery) {
        return PaystackEvents.read(delivery.path("event").asText(), delivery.path("data")).orElseThrow();
    }

    @Test
    void everySampleReadsIntoItsRecord() throws IOException {
        for (String sample : List.of("charge.success", "charge.success.renewal", "transfer.success", "transfer.failed",
                "transfer.reversed", "refund.processed", "charge.dispute.create", "charge.dispute.resolve",
                "subscription.create", "subscription.not_renew", "subscription.disable", "invoice.payment_failed")) {
            assertThat(read(delivery(sample + ".json")).deliveryId()).as(sample).isNotBlank();
        }
    }

    @Test
    void aChargeNamesItsPlanOnlyWhenItPaysOne() throws IOException {
        var escrow = (PaystackEvents.Charge) read(delivery("charge.success.json"));
        var renewal = (PaystackEvents.Charge) read(delivery("charge.success.renewal.json"));

        assertThat(escrow.amount()).isEqualTo(1_650_000);
        assertThat(escrow.paidAt()).isEqualTo(Instant.parse("2026-11-24T10:15:03Z"));
        assertThat(escrow.deliveryId()).isEqualTo("4099260516");
        assertThat(escrow.planCode()).isNull();
        assertThat(renewal.planCode()).isEqualTo("PLN_7c2kq9w4m1x8z5d");
        assertThat(renewal.customerEmail()).isEqualTo("client@example.com");

        ObjectNode byCode = delivery("charge.success.json");
        ((ObjectNode) byCode.get("data")).put("plan", "PLN_7c2kq9w4m1x8z5d");
        assertThat(((PaystackEvents.Charge) read(byCode)).planCode()).isEqualTo("PLN_7c2kq9w4m1x8z5d");
    }

    @Test
    void aFieldOfAnotherJsonTypeIsMalformed() throws IOException {
        var nodes = PaystackClient.JSON;
        List<Object[]> wrong = List.of(
                new Object[] {"refund.processed.json", "amount", nodes.getNodeFactory().stringNode("12")},
                new Object[] {"refund.processed.json", "amount", nodes.getNodeFactory().numberNode(1.5)},
                new Object[] {"charge.success.json", "id", nodes.createObjectNode()},
                new Object[] {"charge.success.json", "reference", nodes.getNodeFactory().numberNode(12)},
                new Object[] {"charge.success.json", "paid_at", nodes.getNodeFactory().numberNode(1_700_000_000)},
                new Object[] {"transfer.success.json", "reference", nodes.getNodeFactory().booleanNode(true)},
                new Object[] {"subscription.create.json", "subscription_code", nodes.createArrayNode()},
                new Object[] {"invoice.payment_failed.json", "invoice_code", nodes.getNodeFactory().nullNode()},
                new Object[] {"charge.dispute.create.json", "transaction", nodes.getNodeFactory().stringNode("x")});
        List<String> read = new ArrayList<>();
        for (Object[] field : wrong) {
            ObjectNode delivery = delivery((String) field[0]);
            ((ObjectNode) delivery.get("data")).set((String) field[1], (JsonNode) field[2]);
            try {
                read(delivery);
                read.add(field[0] + " " + field[1] + " = " + field[2]);
            } catch (PaystackEvents.Malformed expected) {
                assertThat(expected).hasMessageContaining((String) field[0].toString().replace(".json", ""));
            }
        }
        assertThat(read).as("read although of another JSON type").isEmpty();
    }

    @Test
    void anEventWeDoNotActOnIsNotRead() {
        assertThat(PaystackEvents.read("paymentrequest.pending", PaystackClient.JSON.createArrayNode())).isEmpty();
    }
}
