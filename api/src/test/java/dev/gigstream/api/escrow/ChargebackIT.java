package dev.gigstream.api.escrow;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chargeback through real HTTP and signed Paystack webhooks: while it is open the escrow's money
 * stays frozen and flagged whoever withdraws which dispute, and no confirmation pays the worker;
 * won, the money unfreezes and the flag clears; lost after the worker was paid, the ledger and the
 * finance export show the loss and the escrow stays flagged. And a refund Paystack first refused,
 * then processed, no longer asks an operator for anything.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.lifecycle.confirmation-window=4s"})
class ChargebackIT {

    private static final Map<String, String> COMPLAINT = Map.of("reason", "work not done",
            "details", "The worker left the bar after an hour");
    /** Longer than the confirmation window: an automatic confirmation would have come. */
    private static final Duration PAST_THE_CONFIRMATION_WINDOW = Duration.ofSeconds(6);

    @Autowired
    Api api;

    @Test
    void aChargebackDuringTheClientsDisputeKeepsTheMoneyFrozenAfterTheWithdrawalUntilItIsWon() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var client = shift.client();
        String escrowId = shift.escrowId();
        market.workedShift(shift);
        String disputeId = disputeFrozen(market, shift, client);
        var admin = market.admin();

        market.deliverSigned(Marketplace.chargeback("charge.dispute.create", shift.reference(), 358_950)).expect(200);
        awaitFlagged(market, admin, escrowId, "chargeback 358950 on the money the escrow holds");
        api.post("/api/v1/disputes/" + disputeId + "/withdraw", null, client.accessToken()).expect(202);
        awaitEvent(admin, escrowId, "EscrowKeptFrozen");
        market.awaitJob(shift.jobId(), client.accessToken(), view -> "AWAITING_CONFIRMATION".equals(view.get("status").asText()));
        api.post("/api/v1/jobs/" + shift.jobId() + "/confirm", null, client.accessToken()).expect(202);

        String payout = shift.payout(1);
        await().during(PAST_THE_CONFIRMATION_WINDOW).atMost(PAST_THE_CONFIRMATION_WINDOW.plusSeconds(2))
                .until(() -> market.transfersOf(payout).isEmpty() && "FROZEN".equals(status(market, escrowId, admin)));
        assertThat(flagReasons(api, admin, escrowId)).anyMatch(reason -> reason.startsWith("chargeback 358950"));

        market.deliverSigned(Marketplace.chargebackResolved(shift.reference(), 358_950, "declined")).expect(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
        assertThat(market.transfersOf(payout).get(0).body().path("amount").asLong()).isEqualTo(Marketplace.PAY);
        await().atMost(Duration.ofSeconds(10)).until(() -> flagReasons(api, admin, escrowId).isEmpty());
        assertThat(status(market, escrowId, admin)).isEqualTo("RELEASING");
    }

    @Test
    void aChargebackDuringTheWorkersDisputeStopsTheAutomaticConfirmationUntilItIsWon() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var worker = shift.worker();
        String escrowId = shift.escrowId();
        market.workedShift(shift);
        String disputeId = disputeFrozen(market, shift, worker);
        var admin = market.admin();
        market.deliverSigned(Marketplace.chargeback("charge.dispute.create", shift.reference(), 358_960)).expect(200);
        awaitFlagged(market, admin, escrowId, "chargeback 358960 on the money the escrow holds");

        var decide = api.post("/api/v1/admin/disputes/" + disputeId + "/resolve",
                Map.of("outcome", "RELEASE_TO_WORKER", "note", "the shift was worked"), admin.accessToken());
        assertThat(decide.status()).as(decide.body()).isEqualTo(409);
        assertThat(decide.isProblem()).isTrue();
        assertThat(decide.json().get("code").asText()).isEqualTo("CHARGEBACK_OPEN");
        api.post("/api/v1/disputes/" + disputeId + "/withdraw", null, worker.accessToken()).expect(202);
        awaitEvent(admin, escrowId, "EscrowKeptFrozen");

        String payout = shift.payout(1);
        await().during(PAST_THE_CONFIRMATION_WINDOW).atMost(PAST_THE_CONFIRMATION_WINDOW.plusSeconds(2))
                .until(() -> market.transfersOf(payout).isEmpty() && "FROZEN".equals(status(market, escrowId, admin)));
        assertThat(market.awaitJob(shift.jobId(), worker.accessToken(), view -> true).get("status").asText())
                .as("no automatic confirmation while the chargeback is open").isEqualTo("AWAITING_CONFIRMATION");

        market.deliverSigned(Marketplace.chargebackResolved(shift.reference(), 358_960, "declined")).expect(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> flagReasons(api, admin, escrowId).isEmpty());
    }

    @Test
    void aChargebackLostAfterTheWorkerWasPaidIsALossInTheLedgerAndTheExportAndStaysFlagged() {
        var market = new Marketplace(api);
        Instant from = Instant.now().minusSeconds(1);
        var shift = market.hiredShift();
        String escrowId = shift.escrowId();
        market.completedShift(shift);
        var admin = market.admin();

        market.deliverSigned(Marketplace.chargeback("charge.dispute.create", shift.reference(), 358_970)).expect(200);
        awaitFlagged(market, admin, escrowId, "chargeback 358970 while the escrow is RELEASED");
        market.deliverSigned(Marketplace.chargebackResolved(shift.reference(), 358_970, "merchant-accepted")).expect(200);

        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + escrowId, admin.accessToken(), view -> view.get("ledger")
                .valueStream().anyMatch(e -> "CHARGEBACK_LOSSES".equals(e.get("account").asText())));
        assertThat(escrow.get("ledger").valueStream().filter(e -> "ChargebackLost".equals(e.get("eventType").asText()))
                .map(e -> e.get("account").asText() + " " + e.get("amount").asLong()))
                .containsExactlyInAnyOrder("CHARGEBACK_LOSSES 1650000", "PAYSTACK_BALANCE -1650000");
        Marketplace.assertBalanced(escrow);
        assertThat(escrow.get("status").asText()).isEqualTo("RELEASED");
        awaitFlagged(market, admin, escrowId, "chargeback 358970 lost: the card network took back 1650000 NGN");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/admin/finance.csv?from=" + from + "&to="
                + Instant.now().plusSeconds(60), admin.accessToken()).body().lines()
                .anyMatch(row -> row.contains(escrowId) && row.contains("CHARGEBACK_LOSS") && row.contains("1650000")));
    }

    @Test
    void aRefundPaystackRefusedThenProcessedAfterASplitNoLongerAsksAnOperator() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var client = shift.client();
        String escrowId = shift.escrowId();
        market.workedShift(shift);
        String disputeId = disputeFrozen(market, shift, client);
        var admin = market.admin();

        market.paystack().failNext(1, 400); // the refund, the lifecycle's next call to Paystack
        api.post("/api/v1/admin/disputes/" + disputeId + "/resolve", Map.of("outcome", "SPLIT",
                "workerShare", Map.of("amount", 600_000, "currency", "NGN"), "note", "half a shift"), admin.accessToken()).expect(202);
        awaitFlagged(market, admin, escrowId, "Paystack refused the refund of 1050000 NGN");

        market.deliverSigned("{\"event\":\"refund.processed\",\"data\":{\"status\":\"processed\",\"transaction_reference\":\""
                + shift.reference() + "\",\"refund_reference\":\"RFD_" + escrowId + "\",\"amount\":1050000,\"currency\":\"NGN\"}}")
                .expect(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> flagReasons(api, admin, escrowId).isEmpty());
        JsonNode escrow = api.get("/api/v1/escrows/" + escrowId, admin.accessToken()).expect(200).json();
        assertThat(escrow.get("refunded").get("amount").asLong()).isEqualTo(1_050_000);
    }

    /** The party opens a dispute about the worked shift; answers it once the escrow is frozen. */
    private String disputeFrozen(Marketplace market, Marketplace.Hire shift, Api.User party) {
        String disputeId = api.post("/api/v1/jobs/" + shift.jobId() + "/disputes", COMPLAINT, party.accessToken())
                .expect(201).json().get("disputeId").asText();
        market.awaitJson("/api/v1/escrows/" + shift.escrowId(), party.accessToken(), view -> "FROZEN".equals(view.get("status").asText()));
        return disputeId;
    }

    private static void awaitFlagged(Marketplace market, Api.User admin, String escrowId, String reasonStart) {
        market.awaitJson("/api/v1/admin/escrows?flagged=true&limit=500", admin.accessToken(), list -> list.get("items")
                .valueStream().anyMatch(e -> escrowId.equals(e.get("escrowId").asText())
                        && e.get("reasons").valueStream().anyMatch(r -> r.asText().startsWith(reasonStart))));
    }

    private static List<String> flagReasons(Api api, Api.User admin, String escrowId) {
        return api.get("/api/v1/admin/escrows?flagged=true&limit=500", admin.accessToken()).expect(200).json().get("items")
                .valueStream().filter(e -> escrowId.equals(e.get("escrowId").asText()))
                .flatMap(e -> e.get("reasons").valueStream().map(JsonNode::asText)).toList();
    }

    private static String status(Marketplace market, String escrowId, Api.User admin) {
        return market.api().get("/api/v1/escrows/" + escrowId, admin.accessToken()).expect(200).json().get("status").asText();
    }

    /** Waits until the escrow's own history (the event store, read through the audit API) holds an event of that type. */
    private void awaitEvent(Api.User admin, String escrowId, String type) {
        await().atMost(Duration.ofSeconds(10)).until(() -> StreamSupport.stream(api.get("/api/v1/audit/aggregates/" + escrowId
                + "/events", admin.accessToken()).expect(200).json().spliterator(), false)
                .anyMatch(event -> type.equals(event.get("type").asText())));
    }
}
