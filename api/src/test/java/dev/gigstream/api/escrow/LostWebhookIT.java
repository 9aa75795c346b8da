package dev.gigstream.api.escrow;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With no webhook at all, the reconciliation sweep learns from Paystack that the client paid and the worker was paid. */
@PostgresIT
@TestPropertySource(properties = {"gigstream.paystack.reconcile-every=1s", "gigstream.paystack.reconcile-after=0s"})
class LostWebhookIT {

    @Autowired
    Api api;

    @Test
    void theSweepFundsTheEscrowAndCompletesThePayoutWhenWebhooksAreLost() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        var hire = market.hire(client, worker, jobId);
        String escrowId = hire.get("escrowId").asText();

        market.paystack().markPaid(hire.get("reference").asText(), 1_650_000, "NGN", 34_750);
        market.awaitJob(jobId, client.accessToken(), job -> "FUNDED".equals(job.get("status").asText()));

        api.post("/api/v1/jobs/" + jobId + "/check-in", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);
        api.post("/api/v1/jobs/" + jobId + "/check-out", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);
        api.post("/api/v1/jobs/" + jobId + "/confirm", null, client.accessToken()).expect(202);
        String payout = "gs-pay-" + escrowId + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);

        market.paystack().markTransfer(payout, "success");
        market.awaitJob(jobId, client.accessToken(), job -> "COMPLETED".equals(job.get("status").asText()));
        assertThat(market.transfersOf(payout)).hasSize(1);
    }
}
