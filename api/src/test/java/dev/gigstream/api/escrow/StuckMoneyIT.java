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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No money stays stuck: a worker who never checks out is checked out automatically and paid after
 * the confirmation window; a payout that keeps failing waits for an operator, whose retry pays once.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.lifecycle.check-out-grace=1s",
        "gigstream.lifecycle.confirmation-window=2s",
        "gigstream.lifecycle.max-payout-attempts=2",
        "gigstream.lifecycle.payout-retry-backoff=500ms"})
class StuckMoneyIT {

    @Autowired
    Api api;

    @Test
    void aWorkerWhoNeverChecksOutIsCheckedOutAutomaticallyAndPaid() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        Instant start = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        String jobId = api.post("/api/v1/jobs", Map.of("title", "Usher for a short ceremony", "description", "Ten seconds",
                "requiredSkills", List.of("barista"),
                "location", Map.of("lat", Marketplace.SITE.get("lat"), "lng", Marketplace.SITE.get("lng"), "address", "1 Marina"),
                "shift", Map.of("start", start.toString(), "end", start.plusSeconds(1).toString()),
                "pay", Map.of("amount", Marketplace.PAY, "currency", "NGN")), client.accessToken())
                .expect(201).json().get("jobId").asText();
        JsonNode hire = market.hire(client, worker, jobId);
        market.payByWebhook(hire, client, jobId);
        api.post("/api/v1/jobs/" + jobId + "/check-in", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);

        JsonNode job = market.awaitJob(jobId, client.accessToken(), view -> view.get("checkedOutAutomatically").asBoolean());
        assertThat(job.get("checkedOutAt").asText()).isEqualTo(start.plusSeconds(2).toString());
        String payout = "gs-pay-" + hire.get("escrowId").asText() + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
        assertThat(market.transfersOf(payout).get(0).body().path("amount").asLong()).isEqualTo(Marketplace.PAY);
    }

    @Test
    void aPayoutPaystackDoesNotAnswerIsRetriedByItsLifecycleUnderTheSameReference() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var client = shift.client();
        var worker = shift.worker();
        String jobId = shift.jobId();
        String escrowId = shift.escrowId();
        market.workedShift(shift);
        int before = market.paystack().requests().size();

        market.paystack().failNext(1, 503);
        api.post("/api/v1/jobs/" + jobId + "/confirm", null, client.accessToken()).expect(202);

        String payout = "gs-pay-" + escrowId + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
        assertThat(market.paystack().requests().subList(before, market.paystack().requests().size()))
                .extracting(request -> request.method() + " " + request.path())
                .as("the unanswered call, then the same payout again").startsWith("POST transferrecipient", "POST transferrecipient");
        assertThat(market.transfersOf("gs-pay-" + escrowId + "-2")).as("no second attempt").isEmpty();
        market.paystack().markTransfer(payout, "success");
        market.deliverSigned(Marketplace.transfer("transfer.success", payout, Marketplace.PAY)).expect(200);
        market.awaitJson("/api/v1/escrows/" + escrowId, client.accessToken(), view -> "RELEASED".equals(view.get("status").asText()));
    }

    @Test
    void aPayoutThatKeepsFailingWaitsForAnOperatorWhoseRetryPaysOnce() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var client = shift.client();
        var worker = shift.worker();
        String jobId = shift.jobId();
        String escrowId = shift.escrowId();
        market.workedShift(shift);
        var admin = market.admin();
        String retry = "/api/v1/admin/escrows/" + escrowId + "/retry-payout";

        market.paystack().transfersStartAs("failed");
        try {
            api.post("/api/v1/jobs/" + jobId + "/confirm", null, client.accessToken()).expect(202);
            JsonNode flagged = market.awaitJson("/api/v1/admin/escrows?flagged=true", admin.accessToken(),
                    list -> list.get("items").findValuesAsString("escrowId").contains(escrowId));
            JsonNode row = flagged.get("items").valueStream().filter(e -> escrowId.equals(e.get("escrowId").asText()))
                    .findFirst().orElseThrow();
            assertThat(row.get("reasons").get(0).asText()).contains("the payout failed 2 times");
            assertThat(row.get("pendingPayoutReference").asText()).isEqualTo("gs-pay-" + escrowId + "-3");
        } finally {
            market.paystack().transfersStartAs("pending");
        }
        assertThat(market.transfersOf("gs-pay-" + escrowId + "-1")).hasSize(1);
        assertThat(market.transfersOf("gs-pay-" + escrowId + "-2")).hasSize(1);

        assertThat(api.post(retry, null, client.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/escrows?flagged=true", worker.accessToken()).status()).isEqualTo(403);
        api.post(retry, null, admin.accessToken()).expect(202);

        String third = "gs-pay-" + escrowId + "-3";
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(third).size() == 1);
        market.awaitJson("/api/v1/admin/escrows?flagged=true", admin.accessToken(),
                list -> !list.get("items").findValuesAsString("escrowId").contains(escrowId));
        var again = api.post(retry, null, admin.accessToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("NO_PAYOUT_TO_RETRY");
        market.paystack().markTransfer(third, "success");
        market.deliverSigned(Marketplace.transfer("transfer.success", third, Marketplace.PAY)).expect(200);
        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + escrowId, client.accessToken(),
                view -> "RELEASED".equals(view.get("status").asText()));
        assertThat(escrow.get("released").get("amount").asLong()).isEqualTo(Marketplace.PAY);
        assertThat(market.transfersOf(third)).as("the retry paid once").hasSize(1);
        Marketplace.assertBalanced(escrow);
        assertThat(api.get("/api/v1/admin/escrows?flagged=false", admin.accessToken()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/escrows/00000000-0000-0000-0000-000000000000/retry-payout", null,
                admin.accessToken()).status()).isEqualTo(404);
    }
}
