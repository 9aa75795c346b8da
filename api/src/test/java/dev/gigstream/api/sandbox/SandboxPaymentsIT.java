package dev.gigstream.api.sandbox;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The money lifecycle against the payments sandbox on the postgres profile, through real HTTP: the app's
 * PaystackClient calls the sandbox's Paystack API, a script presses the checkout page's buttons, and the
 * sandbox's signed webhooks reach the app's own webhook endpoint; nothing here delivers a webhook itself.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.payments.mode=sandbox",
        "gigstream.payments.sandbox.transfer-delay=100ms",
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class SandboxPaymentsIT {

    @Autowired
    Api api;

    @Test
    void aShiftIsPaidOnTheCheckoutPageWorkedConfirmedAndPaidOutWithOneTransfer() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var sandbox = new SandboxSteps(api);

        String checkoutUrl = shift.answer().get("authorizationUrl").asText();
        assertThat(checkoutUrl).startsWith("http://localhost:8080/sandbox/checkout/");
        Api.Response page = api.get(SandboxSteps.path(checkoutUrl), null).expect(200);
        long total = shift.answer().get("total").get("amount").asLong();
        assertThat(page.body()).contains("SANDBOX").contains(String.format("₦%,d.%02d", total / 100, total % 100))
                .contains(shift.reference());
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("form-action 'self'");
        assertThat(page.header("Cache-Control")).contains("no-store");

        assertThat(sandbox.pay(checkoutUrl).body()).contains("Paid");
        market.awaitJob(shift.jobId(), shift.client().accessToken(), job -> "FUNDED".equals(job.get("status").asText()));
        market.work(shift);
        market.confirm(shift);

        market.awaitJob(shift.jobId(), shift.client().accessToken(), job -> "COMPLETED".equals(job.get("status").asText()));
        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + shift.escrowId(), shift.client().accessToken(),
                view -> "RELEASED".equals(view.get("status").asText()));
        Marketplace.assertBalanced(escrow);
        assertThat(sandbox.verify("transaction/verify/" + shift.reference()).path("data").path("status").asText())
                .isEqualTo("success");
        assertThat(sandbox.verify("transfer/verify/" + shift.payout(1)).path("data").path("status").asText())
                .isEqualTo("success");
        assertThat(sandbox.paystackApi("GET", "transfer/verify/" + shift.payout(2)).status())
                .as("one transfer only").isEqualTo(404);
    }

    @Test
    void aPayoutToTheFailingTestAccountFailsByItsWebhook() {
        var market = new Marketplace(api);
        var shift = market.hire(api.signUp("CLIENT"), market.worker(SandboxSteps.FAILING_ACCOUNT));
        var sandbox = new SandboxSteps(api);
        var admin = market.admin();
        sandbox.payWorkAndConfirm(market, shift);

        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(sandbox.paystackApi("GET",
                "transfer/verify/" + shift.payout(1)).json().path("data").path("status").asText()));
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.events(admin, shift.escrowId()).contains("PayoutFailed"));
        assertThat(market.awaitJson("/api/v1/escrows/" + shift.escrowId(), shift.client().accessToken(), view -> true)
                .get("status").asText()).isNotEqualTo("RELEASED");
    }

    @Test
    void aLateCancellationIsRefundedByTheSandboxsRefundProcessed() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        new SandboxSteps(api).pay(shift.answer().get("authorizationUrl").asText());
        market.awaitJob(shift.jobId(), shift.client().accessToken(), job -> "FUNDED".equals(job.get("status").asText()));

        api.post("/api/v1/jobs/" + shift.jobId() + "/cancel", Map.of("reason", "event called off"),
                shift.client().accessToken()).expect(202);

        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + shift.escrowId(), shift.client().accessToken(),
                view -> "SPLIT".equals(view.get("status").asText()));
        assertThat(escrow.get("refunded").get("amount").asLong()).isEqualTo(900_000);
        assertThat(escrow.get("released").get("amount").asLong()).isEqualTo(750_000);
        Marketplace.assertBalanced(escrow);
    }

    @Test
    void aChargebackRaisedOnThePageFlagsTheEscrowAndItsResolutionClearsIt() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var sandbox = new SandboxSteps(api);
        var admin = market.admin();
        String checkoutUrl = shift.answer().get("authorizationUrl").asText();
        sandbox.pay(checkoutUrl);
        market.awaitJob(shift.jobId(), shift.client().accessToken(), job -> "FUNDED".equals(job.get("status").asText()));

        assertThat(sandbox.press(checkoutUrl, "chargeback").expect(200).body()).contains("Resolve: declined");

        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.flagReasons(admin, shift.escrowId()).stream()
                .anyMatch(reason -> reason.startsWith("chargeback")));
        sandbox.press(checkoutUrl, "chargeback/declined").expect(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.flagReasons(admin, shift.escrowId()).isEmpty());
    }

    @Test
    void aDeclinedCheckoutVerifiesFailedAndLeavesTheEscrowUnfunded() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var sandbox = new SandboxSteps(api);
        String checkoutUrl = shift.answer().get("authorizationUrl").asText();

        assertThat(sandbox.press(checkoutUrl, "decline").expect(200).body()).contains("Declined");

        assertThat(sandbox.verify("transaction/verify/" + shift.reference()).path("data").path("status").asText())
                .isEqualTo("failed");
        Api.Response again = sandbox.press(checkoutUrl, "pay");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("SANDBOX_REFUSED");
        assertThat(market.awaitJob(shift.jobId(), shift.client().accessToken(), job -> true).get("status").asText())
                .isEqualTo("HIRED");
    }

    @Test
    void aWorkerSubscribesToPremiumOnTheCheckoutPage() {
        var market = new Marketplace(api);
        var worker = market.worker();
        var client = api.signUp("CLIENT");
        JsonNode checkout = api.post("/api/v1/workers/me/premium", null, worker.accessToken()).expect(200).json();

        new SandboxSteps(api).pay(checkout.get("authorizationUrl").asText());

        market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), view -> view.get("premium").asBoolean());
        assertThat(api.get("/sandbox", null).expect(200).body()).contains(worker.email()).contains("active");
    }

    @Test
    void aPremiumSubscriptionRenewsFailsItsNextRenewalAndIsCancelledThroughTheSandbox() {
        var market = new Marketplace(api);
        var worker = market.worker();
        var client = api.signUp("CLIENT");
        var sandbox = new SandboxSteps(api);
        sandbox.pay(api.post("/api/v1/workers/me/premium", null, worker.accessToken()).expect(200).json()
                .get("authorizationUrl").asText());
        market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), view -> view.get("premium").asBoolean());
        String code = sandbox.subscriptionOf(worker.email());
        assertThat(sandbox.subscription(code).path("status").asText()).isEqualTo("active");

        api.post("/sandbox/subscriptions/" + code + "/renew", null, null).expect(303);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.renewalCharges(worker.email()) == 2);
        api.post("/sandbox/subscriptions/" + code + "/fail-next-renewal", null, null).expect(303);
        api.post("/sandbox/subscriptions/" + code + "/renew", null, null).expect(303);
        assertThat(sandbox.subscription(code).path("status").asText()).isEqualTo("attention");
        assertThat(sandbox.renewalCharges(worker.email())).as("a failed renewal charges nothing").isEqualTo(2);

        api.send("DELETE", "/api/v1/workers/me/premium", null, worker.accessToken(), Map.of()).expect(202);
        assertThat(sandbox.subscription(code).path("status").asText()).isEqualTo("cancelled");
        Api.Response gone = api.post("/sandbox/subscriptions/SUB_unknown/renew", null, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("code").asText()).isEqualTo("SANDBOX_NOT_FOUND");
    }

    @Test
    void theSandboxsApiAsksForTheSecretKeyAndSpeaksPaystacksErrors() {
        var sandbox = new SandboxSteps(api);
        Api.Response anonymous = api.get("/sandbox/paystack/transaction/verify/nope", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("status").asBoolean()).isFalse();
        Api.Response unknown = sandbox.paystackApi("GET", "transaction/verify/nope");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).isEqualTo("Transaction reference not found");
        assertThat(api.get("/actuator/info", null).expect(200).json().get("payments").asText()).isEqualTo("SANDBOX");
        assertThat(api.get("/actuator/health", null).expect(200).json().at("/components/payments/description").asText())
                .isEqualTo("SANDBOX");
    }
}
