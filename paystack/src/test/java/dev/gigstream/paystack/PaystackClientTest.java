package dev.gigstream.paystack;

import dev.gigstream.paystack.PaystackApi.CreatePlan;
import dev.gigstream.paystack.PaystackApi.CreateRefund;
import dev.gigstream.paystack.PaystackApi.CreateTransferRecipient;
import dev.gigstream.paystack.PaystackApi.DisableSubscription;
import dev.gigstream.paystack.PaystackApi.InitializeTransaction;
import dev.gigstream.paystack.PaystackApi.InitiateTransfer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The client against a local server speaking Paystack's documented JSON. */
class PaystackClientTest {

    /** Long enough for a loaded machine's answer; a stall outlasts it, so a stalled request times out. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STALL = REQUEST_TIMEOUT.plusSeconds(1);
    private static final String SECRET = "sk_test_client_test";

    private final PaystackStandIn paystack = new PaystackStandIn(SECRET);
    private final PaystackClient client = new PaystackClient(PaystackSettings.of(paystack.baseUrl(), SECRET)
            .withRetries(3, Duration.ofMillis(20), REQUEST_TIMEOUT));

    @AfterEach
    void stop() {
        paystack.close();
    }

    private InitializeTransaction payment(String reference) {
        return new InitializeTransaction("client@example.com", 1_650_000, "NGN", reference, null,
                Map.of("escrowId", "e-1"));
    }

    @Test
    void aPaymentIsInitializedAndVerifiedByOurReference() {
        var initialized = client.initializeTransaction(payment("gs-esc-1"));

        assertThat(initialized.authorizationUrl()).startsWith("https://checkout.paystack.com/");
        assertThat(initialized.reference()).isEqualTo("gs-esc-1");
        var request = paystack.requests("POST", "transaction/initialize").get(0);
        assertThat(request.authorization()).isEqualTo("Bearer " + SECRET);
        assertThat(request.body().path("amount").asLong()).isEqualTo(1_650_000);
        assertThat(request.body().path("metadata").path("escrowId").asText()).isEqualTo("e-1");

        assertThat(client.verifyTransaction("gs-esc-1").succeeded()).isFalse();
        paystack.markPaid("gs-esc-1", 1_650_000, "NGN", 34_750);
        var paid = client.verifyTransaction("gs-esc-1");
        assertThat(paid.succeeded()).isTrue();
        assertThat(paid.amount()).isEqualTo(1_650_000);
        assertThat(paid.fees()).isEqualTo(34_750);
        assertThat(paid.paidAt()).isNotNull();
    }

    @Test
    void aWorkerIsPaidByTransferToTheirRecipient() {
        var recipient = client.createTransferRecipient(
                new CreateTransferRecipient("nuban", "Ada Obi", "0123456789", "058", "NGN"));
        assertThat(recipient.recipientCode()).startsWith("RCP_");

        var transfer = client.initiateTransfer(InitiateTransfer.fromBalance(1_500_000, recipient.recipientCode(),
                "gs-pay-1", "Shift at Lekki", "NGN"));
        assertThat(transfer.status()).isEqualTo("pending");
        assertThat(transfer.transferCode()).startsWith("TRF_");
        var sent = paystack.requests().stream().filter(r -> r.path().equals("transfer")).findFirst().orElseThrow();
        assertThat(sent.body().path("source").asText()).isEqualTo("balance");
        assertThat(sent.body().path("amount").asLong()).isEqualTo(1_500_000);

        paystack.markTransfer("gs-pay-1", "success");
        assertThat(client.verifyTransfer("gs-pay-1").succeeded()).isTrue();
    }

    @Test
    void aPaidChargeIsRefundedInPart() {
        client.initializeTransaction(payment("gs-esc-2"));
        paystack.markPaid("gs-esc-2", 1_650_000, "NGN", 34_750);

        var refund = client.refund(new CreateRefund("gs-esc-2", 500_000L));

        assertThat(refund.amount()).isEqualTo(500_000);
        assertThat(refund.transaction().reference()).isEqualTo("gs-esc-2");
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithBackoff() {
        client.initializeTransaction(payment("gs-esc-3"));
        paystack.failNext(2, 502);

        assertThat(client.verifyTransaction("gs-esc-3").reference()).isEqualTo("gs-esc-3");
        assertThat(paystack.requests("GET", "transaction/verify/")).hasSize(3);

        paystack.stallNext(1, STALL);
        assertThat(client.verifyTransaction("gs-esc-3").reference()).isEqualTo("gs-esc-3");
        assertThat(paystack.requests("GET", "transaction/verify/")).hasSize(5);
    }

    @Test
    void retriesStopAtTheLimitWithAClearError() {
        paystack.failNext(10, 503);

        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(() -> client.verifyTransaction("gs-esc-4"))
                .satisfies(e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("Something went wrong on our end");
                });
        assertThat(paystack.requests()).hasSize(3);
    }

    @Test
    void aSingleAttemptClientLeavesTheRetryingToItsCaller() {
        paystack.failNext(1, 503);

        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(() -> client.singleAttempt().verifyTransaction("gs-esc-8"))
                .satisfies(e -> assertThat(e.retryable()).isTrue());
        assertThat(paystack.requests()).hasSize(1);
    }

    @Test
    void aRefusalIsNotRetriedAndCarriesPaystacksMessage() {
        client.initializeTransaction(payment("gs-esc-5"));

        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(() -> client.initializeTransaction(payment("gs-esc-5")))
                .satisfies(e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("Duplicate Transaction Reference");
                    assertThat(e.code()).isEqualTo("duplicate_reference");
                    assertThat(e.type()).isEqualTo("validation_error");
                });
        assertThat(paystack.requests("POST", "transaction/initialize")).hasSize(2);
    }

    @Test
    void aTransferPaystackNeverSawIsNotFound() {
        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(() -> client.verifyTransfer("gs-pay-never-sent-1"))
                .satisfies(e -> {
                    assertThat(e.notFound()).isTrue();
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void aWrongSecretKeyIsUnauthorized() {
        var wrongKey = new PaystackClient(PaystackSettings.of(paystack.baseUrl(), "sk_test_wrong"));

        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(() -> wrongKey.verifyTransaction("gs-esc-6"))
                .satisfies(e -> assertThat(e.httpStatus()).isEqualTo(401));
        assertThat(paystack.requests()).hasSize(1);
    }

    @Test
    void referencesAreCheckedBeforeAnythingIsSent() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.verifyTransaction("GS ESC 7"));
        assertThatIllegalArgumentException().isThrownBy(() -> InitiateTransfer.fromBalance(1, "RCP_1", "../x", "r", "NGN"));
        assertThat(paystack.requests()).isEmpty();
    }

    private String monthlyPlan() {
        return client.createPlan(new CreatePlan("Gigstream Business Monthly", "monthly", 2_500_000, "NGN")).planCode();
    }

    /** A plan checkout paid and subscribed, as Paystack would after the customer completed it. */
    private String subscribed(String reference, Instant nextPaymentDate) {
        client.initializeTransaction(payment(reference).withPlan(monthlyPlan()));
        paystack.markPaid(reference, 2_500_000, "NGN", 47_500);
        return paystack.subscribe(reference, nextPaymentDate).path("subscription_code").asText();
    }

    private static void assertNoNulls(JsonNode body) {
        body.properties().forEach(field -> assertThat(field.getValue().isNull())
                .as("%s is sent as null", field.getKey()).isFalse());
    }

    @Test
    void aPlanIsCreatedAndFetchedByItsCodeOrId() {
        var plan = client.createPlan(new CreatePlan("Gigstream Business Monthly", "monthly", 2_500_000, "NGN"));

        assertThat(plan.planCode()).startsWith("PLN_");
        assertThat(plan.id()).isPositive();
        assertThat(plan.amount()).isEqualTo(2_500_000);
        assertThat(plan.interval()).isEqualTo("monthly");
        var sent = paystack.requests("POST", "plan").get(0).body();
        assertThat(sent.path("name").asText()).isEqualTo("Gigstream Business Monthly");
        assertThat(sent.path("interval").asText()).isEqualTo("monthly");
        assertThat(sent.path("amount").asLong()).isEqualTo(2_500_000);
        assertThat(sent.path("currency").asText()).isEqualTo("NGN");

        assertThat(client.fetchPlan(plan.planCode())).isEqualTo(plan);
        assertThat(client.fetchPlan(String.valueOf(plan.id()))).isEqualTo(plan);
        assertThat(paystack.requests("GET", "plan/").get(0).path()).isEqualTo("plan/" + plan.planCode());
    }

    @Test
    void aNewPlanIsNotRetriedAfterAServerErrorThatMayHaveCreatedIt() {
        paystack.failNext(1, 502);
        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(this::monthlyPlan)
                .satisfies(e -> assertThat(e.retryable()).isTrue());
        assertThat(paystack.requests("POST", "plan")).hasSize(1);

        paystack.failNext(1, 429);
        assertThat(monthlyPlan()).startsWith("PLN_");
        assertThat(paystack.requests("POST", "plan")).hasSize(3);
    }

    @Test
    void aPlanCheckoutSendsThePlanCodeAndNoNulls() {
        String plan = monthlyPlan();

        client.initializeTransaction(payment("gs-sub-1").withPlan(plan));
        client.initializeTransaction(payment("gs-esc-9"));

        var withPlan = paystack.requests("POST", "transaction/initialize").get(0).body();
        assertThat(withPlan.path("plan").asText()).isEqualTo(plan);
        assertThat(withPlan.has("callback_url")).isFalse();
        assertNoNulls(withPlan);
        var withoutPlan = paystack.requests("POST", "transaction/initialize").get(1).body();
        assertThat(withoutPlan.has("plan")).isFalse();
        assertNoNulls(withoutPlan);
        assertThat(client.verifyTransaction("gs-sub-1").amount()).as("the plan's amount").isEqualTo(2_500_000);
    }

    @Test
    void aFullRefundSendsNoAmountRatherThanANullOne() {
        client.initializeTransaction(payment("gs-esc-10"));
        paystack.markPaid("gs-esc-10", 1_650_000, "NGN", 34_750);

        assertThat(client.refund(new CreateRefund("gs-esc-10", null)).amount()).isEqualTo(1_650_000);
        assertThat(paystack.requests("POST", "refund").get(0).body().has("amount")).isFalse();
    }

    @Test
    void aSubscriptionFromAPlanCheckoutIsFetchedByItsCode() {
        Instant next = Instant.parse("2026-12-26T09:00:00Z");
        String code = subscribed("gs-sub-2", next);

        var subscription = client.fetchSubscription(code);

        assertThat(subscription.subscriptionCode()).startsWith("SUB_").isEqualTo(code);
        assertThat(subscription.emailToken()).isNotBlank();
        assertThat(subscription.status()).isEqualTo("active");
        assertThat(subscription.renews()).isTrue();
        assertThat(subscription.nextPaymentDate()).isEqualTo(next);
        assertThat(subscription.amount()).isEqualTo(2_500_000);
        assertThat(subscription.plan().planCode()).startsWith("PLN_");
        assertThat(subscription.plan().interval()).isEqualTo("monthly");
        assertThat(subscription.customer().email()).isEqualTo("client@example.com");
        assertThat(subscription.customer().customerCode()).startsWith("CUS_");
    }

    @Test
    void aSubscriptionIsDisabledWithItsEmailTokenAndStopsRenewing() {
        var subscription = client.fetchSubscription(subscribed("gs-sub-3", Instant.parse("2026-12-26T09:00:00Z")));

        client.disableSubscription(DisableSubscription.of(subscription));

        var sent = paystack.requests("POST", "subscription/disable").get(0).body();
        assertThat(sent.path("code").asText()).isEqualTo(subscription.subscriptionCode());
        assertThat(sent.path("token").asText()).isEqualTo(subscription.emailToken());
        var disabled = client.fetchSubscription(subscription.subscriptionCode());
        assertThat(disabled.status()).isEqualTo("non-renewing");
        assertThat(disabled.renews()).isFalse();
        assertThat(disabled.ended()).isFalse();
        assertThat(disabled.nextPaymentDate()).isNull();
    }

    @Test
    void aWrongEmailTokenIsRefusedWithPaystacksCodeAndNotRetried() {
        String code = subscribed("gs-sub-4", Instant.parse("2026-12-26T09:00:00Z"));

        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(() -> client.disableSubscription(new DisableSubscription(code, "not-its-token")))
                .satisfies(e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("invalid_params");
                    assertThat(e.type()).isEqualTo("validation_error");
                });
        assertThat(paystack.requests("POST", "subscription/disable")).hasSize(1);
        assertThat(client.fetchSubscription(code).status()).isEqualTo("active");
    }

    @Test
    void aSubscriptionPaystackNeverMadeIsNotFound() {
        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(() -> client.fetchSubscription("SUB_neverexisted00"))
                .satisfies(e -> {
                    assertThat(e.notFound()).isTrue();
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("not_found");
                });
        assertThatExceptionOfType(PaystackException.class)
                .isThrownBy(() -> client.fetchPlan("PLN_neverexisted00"))
                .satisfies(e -> assertThat(e.notFound()).isTrue());
    }

    @Test
    void blankCodesAreCheckedBeforeAnythingIsSent() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.fetchSubscription(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> client.fetchPlan(null));
        assertThatIllegalArgumentException().isThrownBy(() -> client.disableSubscription(new DisableSubscription("SUB_x", "")));
        assertThatIllegalArgumentException().isThrownBy(() -> client.initializeTransaction(payment("gs-sub-5").withPlan("")));
        assertThat(paystack.requests()).isEmpty();
    }

    @Test
    void anEmptyMetadataStringReadsAsNoMetadata() {
        var transaction = PaystackClient.JSON.readValue("{\"id\":1,\"status\":\"success\",\"reference\":\"r\",\"amount\":100,"
                + "\"currency\":\"NGN\",\"metadata\":\"\"}", PaystackApi.Transaction.class);

        assertThat(transaction.metadata()).isNull();
    }
}
