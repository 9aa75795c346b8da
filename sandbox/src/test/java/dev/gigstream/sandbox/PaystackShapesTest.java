package dev.gigstream.sandbox;

import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's answers and webhooks read as the app reads Paystack's: its API answers through the
 * client's own mapper into {@link PaystackApi} records, its webhooks through {@link PaystackEvents}'
 * strict reading, where a wrong JSON type anywhere would make a delivery malformed.
 */
class PaystackShapesTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant PAID = Instant.parse("2026-12-06T10:01:30Z");
    private static final SandboxStore.Plan PLAN = new SandboxStore.Plan("PLN_abc", 77, "Gigstream Premium (NGN)", 250_000,
            "monthly", "NGN", CREATED);
    private static final SandboxStore.Transaction PAID_CHARGE = new SandboxStore.Transaction("gs-esc-1", 4_099_260_516L,
            "accesscode", "client@example.com", 1_650_000, "NGN", "success", null, "{\"escrowId\":\"e-1\"}", null,
            34_750L, PAID, CREATED, null, null);
    private static final SandboxStore.Recipient RECIPIENT = new SandboxStore.Recipient("RCP_x", "nuban", "Ada Obi",
            "0123456789", "058", "NGN");
    private static final SandboxStore.Transfer TRANSFER = new SandboxStore.Transfer("gs-pay-e-1-1", 37_272_792, "TRF_x",
            "success", 1_500_000, "NGN", "payout", "RCP_x", CREATED, PAID);
    private static final SandboxStore.Subscription SUBSCRIPTION = new SandboxStore.Subscription("SUB_x", 5, "token",
            "active", "PLN_abc", "worker@example.com", 250_000, PAID.plusSeconds(86_400), false, CREATED);

    @Test
    void aPaidChargeVerifiesAsTheClientReadsItAndIsAStrictChargeSuccess() {
        JsonNode data = PaystackShapes.transaction(PAID_CHARGE, null);

        PaystackApi.Transaction verified = PaystackClient.JSON.treeToValue(data, PaystackApi.Transaction.class);
        assertThat(verified.succeeded()).isTrue();
        assertThat(verified.amount()).isEqualTo(1_650_000);
        assertThat(verified.fees()).isEqualTo(34_750);
        assertThat(verified.paidAt()).isEqualTo(PAID);
        assertThat(verified.metadata()).containsEntry("escrowId", "e-1");
        var charge = (PaystackEvents.Charge) PaystackEvents.read("charge.success", data).orElseThrow();
        assertThat(charge.reference()).isEqualTo("gs-esc-1");
        assertThat(charge.planCode()).as("a one-off payment: plan {}").isNull();
        assertThat(charge.customerEmail()).isEqualTo("client@example.com");
    }

    @Test
    void aPlansChargeNamesThePlan() {
        SandboxStore.Transaction planCharge = new SandboxStore.Transaction("gs-prem-1", 1, "c", "worker@example.com",
                250_000, "NGN", "success", null, "{}", "PLN_abc", 13_750L, PAID, CREATED, null, null);

        var charge = (PaystackEvents.Charge) PaystackEvents.read("charge.success",
                PaystackShapes.transaction(planCharge, PLAN)).orElseThrow();

        assertThat(charge.planCode()).isEqualTo("PLN_abc");
    }

    @Test
    void anUnpaidTransactionVerifiesWithoutFeesOrPaymentTime() {
        PaystackApi.Transaction verified = PaystackClient.JSON.treeToValue(
                PaystackShapes.transaction(PAID_CHARGE.withStatus("abandoned").paid(0, PAID).withStatus("failed"), null),
                PaystackApi.Transaction.class);

        assertThat(verified.status()).isEqualTo("failed");
        assertThat(verified.succeeded()).isFalse();
    }

    @Test
    void aTransferReadsAsTheClientsTransferAndAsAStrictTransferWebhook() {
        JsonNode data = PaystackShapes.transfer(TRANSFER, RECIPIENT);

        PaystackApi.Transfer transfer = PaystackClient.JSON.treeToValue(data, PaystackApi.Transfer.class);
        assertThat(transfer.succeeded()).isTrue();
        assertThat(transfer.reference()).isEqualTo("gs-pay-e-1-1");
        var event = (PaystackEvents.Transfer) PaystackEvents.read("transfer.success", data).orElseThrow();
        assertThat(event.amount()).isEqualTo(1_500_000);
        assertThat(event.deliveryId()).isEqualTo("37272792");
    }

    @Test
    void aRefundIsQueuedThenProcessed() {
        SandboxStore.Refund refund = new SandboxStore.Refund(9, "RFD_x", "gs-esc-1", 900_000, "NGN", "pending", PAID);

        PaystackApi.Refund queued = PaystackClient.JSON.treeToValue(PaystackShapes.refund(refund, PAID_CHARGE),
                PaystackApi.Refund.class);
        var processed = (PaystackEvents.Refund) PaystackEvents.read("refund.processed",
                PaystackShapes.refundProcessed(refund, PAID_CHARGE)).orElseThrow();

        assertThat(queued.transaction().reference()).isEqualTo("gs-esc-1");
        assertThat(processed.transactionReference()).isEqualTo("gs-esc-1");
        assertThat(processed.amount()).isEqualTo(900_000);
    }

    @Test
    void aChargebackIsRaisedAndResolved() {
        var raised = (PaystackEvents.Chargeback) PaystackEvents.read("charge.dispute.create",
                PaystackShapes.dispute(PAID_CHARGE, 358_950, null, PAID, PAID)).orElseThrow();
        var resolved = (PaystackEvents.Chargeback) PaystackEvents.read("charge.dispute.resolve",
                PaystackShapes.dispute(PAID_CHARGE, 358_950, "declined", PAID, PAID)).orElseThrow();

        assertThat(raised.transaction().reference()).isEqualTo("gs-esc-1");
        assertThat(raised.resolution()).isNull();
        assertThat(raised.refundAmount()).isEqualTo(1_650_000);
        assertThat(resolved.resolution()).isEqualTo("declined");
    }

    @Test
    void aSubscriptionReadsAsTheClientsAndAsAStrictSubscriptionWebhook() {
        JsonNode data = PaystackShapes.subscription(SUBSCRIPTION, PLAN);

        PaystackApi.Subscription fetched = PaystackClient.JSON.treeToValue(data, PaystackApi.Subscription.class);
        var created = (PaystackEvents.Subscription) PaystackEvents.read("subscription.create", data).orElseThrow();

        assertThat(fetched.renews()).isTrue();
        assertThat(fetched.plan().planCode()).isEqualTo("PLN_abc");
        assertThat(fetched.customer().email()).isEqualTo("worker@example.com");
        assertThat(created.planCode()).isEqualTo("PLN_abc");
        assertThat(created.nextPaymentDate()).isEqualTo(PAID.plusSeconds(86_400));
        var stopped = (PaystackEvents.Subscription) PaystackEvents.read("subscription.not_renew",
                PaystackShapes.subscription(SUBSCRIPTION.with("non-renewing", null, false), PLAN)).orElseThrow();
        assertThat(stopped.status()).isEqualTo("non-renewing");
    }

    @Test
    void aFailedRenewalNamesItsSubscription() {
        var invoice = (PaystackEvents.Invoice) PaystackEvents.read("invoice.payment_failed",
                PaystackShapes.invoiceFailed(SUBSCRIPTION.with("attention", PAID, false), PLAN, "INV_x", "sub_ref", PAID))
                .orElseThrow();

        assertThat(invoice.subscriptionCode()).isEqualTo("SUB_x");
    }

    @Test
    void aPlanReadsAsTheClientsPlan() {
        PaystackApi.Plan plan = PaystackClient.JSON.treeToValue(PaystackShapes.plan(PLAN), PaystackApi.Plan.class);

        assertThat(plan.planCode()).isEqualTo("PLN_abc");
        assertThat(plan.amount()).isEqualTo(250_000);
    }

    @Test
    void paystacksCardFeeIsOnePointFivePercentPlusAHundredNairaCappedAtTwoThousand() {
        assertThat(PaystackShapes.feeOfCharge(1_650_000, "NGN")).isEqualTo(34_750);
        assertThat(PaystackShapes.feeOfCharge(200_000, "NGN")).as("the ₦100 waived under ₦2,500").isEqualTo(3_000);
        assertThat(PaystackShapes.feeOfCharge(100_000_000, "NGN")).as("at most ₦2,000").isEqualTo(200_000);
        assertThat(PaystackShapes.feeOfCharge(5_000, "GHS")).isEqualTo(98);
    }
}
