package dev.gigstream.api.dispute;

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
 * A shift that went wrong, through real HTTP with Paystack played by a local stand-in: the client
 * disputes, the money stays frozen past the confirmation window, both sides give evidence, an admin
 * splits the money, and exactly one transfer and one refund move it.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.lifecycle.confirmation-window=4s"})
class DisputeLifecycleIT {

    private static final Map<String, String> COMPLAINT = Map.of("reason", "work not done",
            "details", "The worker left the bar after an hour");

    @Autowired
    Api api;

    @Test
    void anAdminSplitsADisputedShiftAndTheMoneyMovesOnce() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var client = shift.client();
        var worker = shift.worker();
        String jobId = shift.jobId();
        String escrowId = shift.escrowId();
        String reference = shift.reference();
        market.workedShift(shift);

        String disputeId = api.post("/api/v1/jobs/" + jobId + "/disputes", COMPLAINT, client.accessToken())
                .expect(201).json().get("disputeId").asText();

        var confirm = api.post("/api/v1/jobs/" + jobId + "/confirm", null, client.accessToken());
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.json().get("code").asText()).isEqualTo("JOB_DISPUTED");
        JsonNode job = market.awaitJob(jobId, client.accessToken(), view -> "DISPUTED".equals(view.get("status").asText()));
        assertThat(job.get("disputeId").asText()).isEqualTo(disputeId);
        assertThat(job.get("checkedInAt").isNull()).isFalse();
        assertThat(job.get("checkedOutAutomatically").asBoolean()).isFalse();
        market.awaitJson("/api/v1/escrows/" + escrowId, client.accessToken(), view -> "FROZEN".equals(view.get("status").asText()));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> market.transfersOf(payout(escrowId, 1)).isEmpty()
                && "FROZEN".equals(api.get("/api/v1/escrows/" + escrowId, client.accessToken()).json().get("status").asText()));

        api.post("/api/v1/disputes/" + disputeId + "/evidence", Map.of("text", "Photo: the bar unattended at 11:00"),
                client.accessToken()).expect(201);
        api.post("/api/v1/disputes/" + disputeId + "/evidence", Map.of("text", "I served until 15:00; ask the manager"),
                worker.accessToken()).expect(201);
        var stranger = api.signUp("WORKER");
        assertThat(code(api.post("/api/v1/disputes/" + disputeId + "/evidence", Map.of("text", "I saw it"),
                stranger.accessToken()), 403)).isEqualTo("NOT_A_PARTY");
        assertThat(api.get("/api/v1/disputes/" + disputeId, stranger.accessToken()).status()).isEqualTo(403);
        JsonNode dispute = market.awaitJson("/api/v1/disputes/" + disputeId, worker.accessToken(),
                view -> view.get("evidence").size() == 2);
        assertThat(dispute.get("status").asText()).isEqualTo("OPEN");
        assertThat(dispute.get("openedBy").asText()).isEqualTo(client.id());
        assertThat(dispute.get("overdue").asBoolean()).isFalse();
        assertThat(dispute.get("respondBy").asText()).isNotBlank();
        assertThat(dispute.get("held").get("amount").asLong()).isEqualTo(1_650_000);

        var admin = market.admin();
        String resolve = "/api/v1/admin/disputes/" + disputeId + "/resolve";
        assertThat(api.post(resolve, Map.of("outcome", "SPLIT", "workerShare", Map.of("amount", 600_000, "currency", "NGN"),
                "note", "half a shift"), client.accessToken()).status()).isEqualTo(403);
        for (var share : new Object[]{Map.of("amount", 0, "currency", "NGN"), Map.of("amount", 1_500_000, "currency", "NGN"),
                Map.of("amount", 600_000, "currency", "GHS")}) {
            assertThat(code(api.post(resolve, Map.of("outcome", "SPLIT", "workerShare", share, "note", "n"),
                    admin.accessToken()), 400)).isEqualTo("INVALID_WORKER_SHARE");
        }
        assertThat(code(api.post(resolve, Map.of("outcome", "HALVE", "note", "n"), admin.accessToken()), 400))
                .isEqualTo("INVALID_REQUEST");
        assertThat(api.get("/api/v1/admin/disputes?status=OPEN", admin.accessToken()).expect(200).json()
                .get("items").findValuesAsString("disputeId")).contains(disputeId);

        api.post(resolve, Map.of("outcome", "SPLIT", "workerShare", Map.of("amount", 600_000, "currency", "NGN"),
                "note", "The worker served half the shift"), admin.accessToken()).expect(202);

        String payout = payout(escrowId, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1 && !refundsOf(market, reference).isEmpty());
        assertThat(market.transfersOf(payout).get(0).body().path("amount").asLong()).isEqualTo(600_000);
        assertThat(refundsOf(market, reference)).containsExactly(1_050_000L);
        market.paystack().markTransfer(payout, "success");
        market.deliverSigned(Marketplace.transfer("transfer.success", payout, 600_000)).expect(200);
        market.deliverSigned("{\"event\":\"refund.processed\",\"data\":{\"status\":\"processed\",\"transaction_reference\":\""
                + reference + "\",\"refund_reference\":\"RFD_" + escrowId + "\",\"amount\":1050000,\"currency\":\"NGN\"}}")
                .expect(200);

        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + escrowId, admin.accessToken(),
                view -> "SPLIT".equals(view.get("status").asText()));
        assertThat(escrow.get("released").get("amount").asLong()).isEqualTo(600_000);
        assertThat(escrow.get("refunded").get("amount").asLong()).isEqualTo(1_050_000);
        Marketplace.assertBalanced(escrow);
        assertThat(market.transfersOf(payout)).as("exactly one transfer").hasSize(1);
        assertThat(refundsOf(market, reference)).as("exactly one refund").hasSize(1);
        JsonNode resolved = market.awaitJson("/api/v1/disputes/" + disputeId, client.accessToken(),
                view -> "RESOLVED".equals(view.get("status").asText()));
        assertThat(resolved.get("outcome").get("type").asText()).isEqualTo("SPLIT");
        assertThat(resolved.get("outcome").get("clientRefund").get("amount").asLong()).isEqualTo(1_050_000);
        assertThat(market.awaitJob(jobId, client.accessToken(), view -> "COMPLETED".equals(view.get("status").asText()))
                .get("timeline").findValuesAsString("status")).endsWith("DISPUTED", "COMPLETED");
        await().atMost(Duration.ofSeconds(10)).until(() -> market.inbox(worker).contains("dispute.opened")
                && market.inbox(worker).contains("dispute.resolved") && market.inbox(client).contains("dispute.resolved"));
        assertThat(code(api.post("/api/v1/disputes/" + disputeId + "/evidence", Map.of("text", "one more thing"),
                worker.accessToken()), 409)).isEqualTo("DISPUTE_CLOSED");
    }

    @Test
    void aWithdrawnDisputeLetsTheConfirmationClockFinish() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var client = shift.client();
        var worker = shift.worker();
        String jobId = shift.jobId();
        String escrowId = shift.escrowId();
        market.workedShift(shift);
        String disputeId = api.post("/api/v1/jobs/" + jobId + "/disputes", COMPLAINT, worker.accessToken())
                .expect(201).json().get("disputeId").asText();
        market.awaitJson("/api/v1/escrows/" + escrowId, client.accessToken(), view -> "FROZEN".equals(view.get("status").asText()));

        assertThat(code(api.post("/api/v1/disputes/" + disputeId + "/withdraw", null, client.accessToken()), 403))
                .isEqualTo("NOT_THE_OPENER");
        api.post("/api/v1/disputes/" + disputeId + "/withdraw", null, worker.accessToken()).expect(202);

        String payout = payout(escrowId, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
        assertThat(market.transfersOf(payout).get(0).body().path("amount").asLong()).isEqualTo(1_500_000);
        assertThat(market.awaitJob(jobId, client.accessToken(), view -> true).get("timeline").findValuesAsString("status"))
                .containsSubsequence("AWAITING_CONFIRMATION", "DISPUTED", "AWAITING_CONFIRMATION");
        assertThat(market.awaitJson("/api/v1/disputes/" + disputeId, worker.accessToken(),
                view -> "WITHDRAWN".equals(view.get("status").asText()))).isNotNull();
    }

    @Test
    void onlyTheJobsPartiesDisputeAFundedJobAndOnlyOnce() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        JsonNode hire = market.hire(client, worker, jobId);
        String disputes = "/api/v1/jobs/" + jobId + "/disputes";

        assertThat(code(api.post(disputes, COMPLAINT, client.accessToken()), 409)).isEqualTo("JOB_NOT_DISPUTABLE");
        market.payByWebhook(hire, client, jobId);
        assertThat(code(api.post(disputes, COMPLAINT, api.signUp("CLIENT").accessToken()), 403)).isEqualTo("NOT_A_PARTY");
        assertThat(code(api.post(disputes, COMPLAINT, market.worker().accessToken()), 403)).isEqualTo("NOT_A_PARTY");
        assertThat(code(api.post(disputes, Map.of("reason", "late"), client.accessToken()), 400)).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post(disputes, Map.of("reason", "late", "details", "x".repeat(5_001)), client.accessToken()), 400))
                .isEqualTo("INVALID_REQUEST");
        assertThat(api.post("/api/v1/jobs/00000000-0000-0000-0000-000000000000/disputes", COMPLAINT, client.accessToken())
                .status()).isEqualTo(404);
        assertThat(api.post(disputes, COMPLAINT, null).status()).isEqualTo(401);

        api.post(disputes, COMPLAINT, client.accessToken()).expect(201);
        assertThat(code(api.post(disputes, COMPLAINT, worker.accessToken()), 409)).isEqualTo("DISPUTE_ALREADY_OPEN");
        assertThat(code(api.post("/api/v1/jobs/" + jobId + "/cancel", Map.of("reason", "never mind"), client.accessToken()), 409))
                .isEqualTo("JOB_CANNOT_BE_CANCELLED");
        assertThat(api.get("/api/v1/admin/disputes", client.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/disputes/00000000-0000-0000-0000-000000000000", client.accessToken()).status())
                .isEqualTo(404);
    }

    @Test
    void aChargebackOpensADisputeForTheClientWhileTheMoneyIsHeldAndIsFlaggedOnceItLeft() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var client = shift.client();
        var worker = shift.worker();
        String jobId = shift.jobId();
        JsonNode hire = shift.answer();
        String escrowId = shift.escrowId();
        String reference = shift.reference();
        market.payByWebhook(hire, client, jobId);
        String chargeback = Marketplace.chargeback("charge.dispute.create", reference, 358_950);

        market.deliverSigned(chargeback).expect(200);
        market.deliverSigned(chargeback).expect(200);

        JsonNode job = market.awaitJob(jobId, client.accessToken(), view -> "DISPUTED".equals(view.get("status").asText()));
        JsonNode dispute = market.awaitJson("/api/v1/disputes/" + job.get("disputeId").asText(), client.accessToken(),
                view -> true);
        assertThat(dispute.get("openedBy").asText()).isEqualTo(client.id());
        assertThat(dispute.get("reason").asText()).isEqualTo("chargeback");
        market.awaitJson("/api/v1/escrows/" + escrowId, client.accessToken(), view -> "FROZEN".equals(view.get("status").asText()));
        var admin = market.admin();
        assertThat(api.get("/api/v1/admin/disputes?status=OPEN", admin.accessToken()).expect(200).json().get("items")
                .findValuesAsString("jobId").stream().filter(jobId::equals)).as("one dispute for two deliveries").hasSize(1);
        String resolve = "/api/v1/admin/disputes/" + dispute.get("disputeId").asText() + "/resolve";
        Map<String, String> forTheWorker = Map.of("outcome", "RELEASE_TO_WORKER", "note", "the shift was worked");
        assertThat(code(api.post(resolve, forTheWorker, admin.accessToken()), 409))
                .as("decided once Paystack resolved the chargeback").isEqualTo("CHARGEBACK_OPEN");
        market.deliverSigned(Marketplace.chargebackResolved(reference, 358_950, "declined")).expect(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.post(resolve, forTheWorker, admin.accessToken()).status() == 202);
        String payout = payout(escrowId, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
        market.deliverSigned(Marketplace.chargeback("charge.dispute.create", reference, 358_951)).expect(200);
        market.awaitJson("/api/v1/admin/escrows?flagged=true", admin.accessToken(), list -> list.get("items").valueStream()
                .anyMatch(e -> escrowId.equals(e.get("escrowId").asText())
                        && e.get("reasons").toString().contains("chargeback 358951")));
    }

    private static String code(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("code").asText();
    }

    private static String payout(String escrowId, int attempt) {
        return "gs-pay-" + escrowId + "-" + attempt;
    }

    private static java.util.List<Long> refundsOf(Marketplace market, String reference) {
        return market.paystack().requests("POST", "refund").stream()
                .filter(r -> reference.equals(r.body().path("transaction").asText()))
                .map(r -> r.body().path("amount").asLong()).toList();
    }
}
