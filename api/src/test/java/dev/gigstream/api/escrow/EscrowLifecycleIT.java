package dev.gigstream.api.escrow;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A hire from payment to payout, through real HTTP, with Paystack played by a local stand-in. */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=admin@gigstream.test",
        "gigstream.auth.admin.password=admin password for tests"})
class EscrowLifecycleIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWorkerIsPaidExactlyOnceAfterTheClientConfirms() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);

        JsonNode hire = market.hire(client, worker, jobId);
        String escrowId = hire.get("escrowId").asText();
        String reference = hire.get("reference").asText();
        assertThat(reference).isEqualTo("gs-esc-" + escrowId);
        assertThat(hire.get("authorizationUrl").asText()).startsWith("https://checkout.paystack.com/");
        assertThat(hire.get("amount").get("amount").asLong()).isEqualTo(1_500_000);
        assertThat(hire.get("serviceFee").get("amount").asLong()).isEqualTo(150_000);
        assertThat(hire.get("total").get("amount").asLong()).isEqualTo(1_650_000);

        String paid = Marketplace.chargeSuccess(reference, 1_650_000, 34_750);
        var forged = market.deliver(paid, "0".repeat(128));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.isProblem()).isTrue();
        assertThat(market.deliver(paid, null).status()).isEqualTo(401);
        JsonNode unpaid = escrow(escrowId, client);
        assertThat(unpaid.get("status").asText()).isEqualTo("AWAITING_FUNDING");
        assertThat(unpaid.get("authorizationUrl").asText()).isEqualTo(hire.get("authorizationUrl").asText());

        market.paystack().markPaid(reference, 1_650_000, "NGN", 34_750);
        market.deliverSigned(paid).expect(200);
        market.awaitJob(jobId, client.accessToken(), job -> "FUNDED".equals(job.get("status").asText()));
        int ledgerEntries = escrow(escrowId, client).get("ledger").size();
        market.deliverSigned(paid).expect(200);
        assertThat(escrow(escrowId, client).get("ledger").size()).as("a repeated delivery changes nothing")
                .isEqualTo(ledgerEntries);

        var farAway = Map.of("location", Map.of("lat", 6.50, "lng", 3.3947));
        assertThat(api.post("/api/v1/jobs/" + jobId + "/check-in", farAway, worker.accessToken()).status()).isEqualTo(409);
        api.post("/api/v1/jobs/" + jobId + "/check-in", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);
        api.post("/api/v1/jobs/" + jobId + "/check-out", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);
        assertThat(api.post("/api/v1/jobs/" + jobId + "/confirm", null, worker.accessToken()).status())
                .as("a worker cannot confirm their own shift").isEqualTo(403);

        api.post("/api/v1/jobs/" + jobId + "/confirm", null, client.accessToken()).expect(202);
        String payout = "gs-pay-" + escrowId + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
        assertThat(market.transfersOf(payout).get(0).body().path("amount").asLong()).isEqualTo(1_500_000);
        assertThat(api.post("/api/v1/jobs/" + jobId + "/confirm", null, client.accessToken()).status())
                .as("confirming again is a no-op").isEqualTo(202);

        market.paystack().markTransfer(payout, "success");
        market.deliverSigned(Marketplace.transfer("transfer.success", payout, 1_500_000)).expect(200);

        market.awaitJob(jobId, client.accessToken(), job -> "COMPLETED".equals(job.get("status").asText()));
        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + escrowId, worker.accessToken(),
                view -> "RELEASED".equals(view.get("status").asText()));
        assertThat(market.transfersOf(payout)).as("exactly one transfer").hasSize(1);
        assertThat(escrow.get("funded").get("amount").asLong()).isEqualTo(1_650_000);
        assertThat(escrow.get("released").get("amount").asLong()).isEqualTo(1_500_000);
        Marketplace.assertBalanced(escrow);
        long total = 0;
        for (JsonNode entry : escrow.get("ledger")) {
            total += entry.get("amount").asLong();
        }
        assertThat(total).isZero();
    }

    @Test
    void aLateCancellationPaysTheWorkerHalfAndRefundsTheRest() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        var hire = market.hire(client, worker, jobId);
        String escrowId = hire.get("escrowId").asText();
        String reference = hire.get("reference").asText();
        market.payByWebhook(hire, client, jobId);

        api.post("/api/v1/jobs/" + jobId + "/cancel", Map.of("reason", "event called off"), client.accessToken()).expect(202);

        String payout = "gs-pay-" + escrowId + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1
                && market.paystack().requests("POST", "refund").stream()
                        .anyMatch(r -> reference.equals(r.body().path("transaction").asText())));
        assertThat(market.transfersOf(payout).get(0).body().path("amount").asLong()).isEqualTo(750_000);
        assertThat(market.paystack().requests("POST", "refund").stream()
                .filter(r -> reference.equals(r.body().path("transaction").asText()))
                .map(r -> r.body().path("amount").asLong())).containsExactly(900_000L);

        market.deliverSigned("{\"event\":\"refund.processed\",\"data\":{\"status\":\"processed\",\"transaction_reference\":\""
                + reference + "\",\"refund_reference\":\"RFD_" + escrowId + "\",\"amount\":900000,\"currency\":\"NGN\"}}").expect(200);
        market.paystack().markTransfer(payout, "success");
        market.deliverSigned(Marketplace.transfer("transfer.success", payout, 750_000)).expect(200);

        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + escrowId, client.accessToken(),
                view -> "SPLIT".equals(view.get("status").asText()));
        assertThat(escrow.get("refunded").get("amount").asLong()).isEqualTo(900_000);
        assertThat(escrow.get("released").get("amount").asLong()).isEqualTo(750_000);
        assertThat(market.awaitJob(jobId, client.accessToken(), job -> true).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void onlyTheEscrowsPartiesAdminsAndAuditorsReadIt() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String escrowId = market.hire(client, worker, market.jobStartingSoon(client)).get("escrowId").asText();
        String admin = api.logIn("admin@gigstream.test", "admin password for tests", null).accessToken();

        assertThat(api.get("/api/v1/escrows/" + escrowId, api.signUp("CLIENT").accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/escrows/" + escrowId, api.signUp("WORKER").accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/escrows/" + escrowId, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/escrows/" + escrowId, admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/escrows/" + escrowId, worker.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/escrows/00000000-0000-0000-0000-000000000000", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/payments/gs-esc-" + escrowId + "/verify", worker.accessToken()).status()).isEqualTo(403);
    }

    @Test
    void unparseableOrUnknownDeliveriesChangeNothing() {
        var market = new Marketplace(api);
        assertThat(market.deliverSigned("{not json").status()).isEqualTo(400);
        assertThat(market.deliverSigned("[]").status()).isEqualTo(400);
        market.deliverSigned(Marketplace.chargeSuccess("someone-elses-ref", 100, 0)).expect(200);
        market.deliverSigned(Marketplace.chargeSuccess("gs-esc-00000000-0000-0000-0000-000000000000", 100, 0)).expect(200);
    }

    @Test
    void signedButMalformedDeliveriesAre400AndNotRecorded() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        String good = Marketplace.chargeSuccess(hire.reference(), 1_650_000, 0);
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("no data", "{\"event\":\"charge.success\"}");
        malformed.put("data an array", "{\"event\":\"charge.success\",\"data\":[]}");
        malformed.put("data a string", "{\"event\":\"transfer.success\",\"data\":\"paid\"}");
        malformed.put("amount not a number", good.replace("\"amount\":1650000", "\"amount\":\"lots\""));
        malformed.put("amount out of range", good.replace("\"amount\":1650000", "\"amount\":1e30"));
        malformed.put("paid_at not a time", good.replaceFirst("\"paid_at\":\"[^\"]*\"", "\"paid_at\":\"yesterday\""));
        long recorded = recordedWebhooks();
        malformed.forEach((what, body) -> {
            assertThat(body).as(what).isNotEqualTo(good);
            var refused = market.deliverSigned(body);
            assertThat(refused.status()).as(what + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).as(what).isEqualTo("WEBHOOK_MALFORMED");
        });
        assertThat(recordedWebhooks()).isEqualTo(recorded);
        assertThat(api.get("/api/v1/escrows/" + hire.escrowId(), hire.client().accessToken()).expect(200)
                .json().get("status").asText()).isNotEqualTo("FUNDED");
    }

    private long recordedWebhooks() {
        return jdbc.sql("SELECT count(*) FROM paystack_webhook_event").query(Long.class).single();
    }

    @Test
    void aWrongAmountIsRefusedByTheEscrowAndLogged() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var hire = market.hire(client, market.worker(), market.jobStartingSoon(client));
        String escrowId = hire.get("escrowId").asText();

        market.deliverSigned(Marketplace.chargeSuccess(hire.get("reference").asText(), 100, 0)).expect(200);

        assertThat(escrow(escrowId, client).get("status").asText()).isEqualTo("AWAITING_FUNDING");
    }

    @Test
    void aLateWebhookIsReplacedByAskingPaystack() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var hire = market.hire(client, market.worker(), market.jobStartingSoon(client));
        String reference = hire.get("reference").asText();
        market.paystack().markPaid(reference, 1_650_000, "NGN", 34_750);

        JsonNode escrow = api.get("/api/v1/payments/" + reference + "/verify", client.accessToken()).expect(200).json();

        assertThat(escrow.get("status").asText()).isEqualTo("FUNDED");
        assertThat(api.get("/api/v1/payments/gs-esc-nope/verify", client.accessToken()).status()).isEqualTo(404);
    }

    private JsonNode escrow(String escrowId, Api.User user) {
        return new Marketplace(api).awaitJson("/api/v1/escrows/" + escrowId, user.accessToken(), view -> true);
    }
}
