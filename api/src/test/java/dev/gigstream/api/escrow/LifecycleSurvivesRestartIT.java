package dev.gigstream.api.escrow;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.RestartableApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application restarts between check-out and the automatic confirmation; the release still happens. */
class LifecycleSurvivesRestartIT {

    private final RestartableApp app = new RestartableApp("--gigstream.lifecycle.confirmation-window=5s");

    @Test
    void theConfirmationWindowFiresAfterARestartAndTheWorkerIsPaid() {
        String jobId;
        String escrowId;
        Api.User client;
        try (var first = app.start()) {
            Api api = RestartableApp.api(first);
            var market = new Marketplace(api);
            client = api.signUp("CLIENT");
            var worker = market.worker();
            jobId = market.jobStartingSoon(client);
            var hire = market.hire(client, worker, jobId);
            escrowId = hire.get("escrowId").asText();
            market.payByWebhook(hire, client, jobId);
            api.post("/api/v1/jobs/" + jobId + "/check-in", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);
            api.post("/api/v1/jobs/" + jobId + "/check-out", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);
            market.awaitJob(jobId, client.accessToken(), job -> "AWAITING_CONFIRMATION".equals(job.get("status").asText()));
        }
        String payout = "gs-pay-" + escrowId + "-1";
        assertThat(new Marketplace(null).transfersOf(payout)).as("nothing paid before the restart").isEmpty();

        try (var second = app.start()) {
            Api api = RestartableApp.api(second);
            var market = new Marketplace(api);
            await().atMost(Duration.ofSeconds(30)).until(() -> market.transfersOf(payout).size() == 1);
            market.paystack().markTransfer(payout, "success");
            market.deliverSigned(Marketplace.transfer("transfer.success", payout, 1_500_000)).expect(200);
            var job = market.awaitJob(jobId, client.accessToken(), view -> "COMPLETED".equals(view.get("status").asText()));
            assertThat(job.get("timeline").findValuesAsString("status"))
                    .containsExactly("OPEN", "HIRED", "FUNDED", "IN_PROGRESS", "AWAITING_CONFIRMATION", "COMPLETED");
        }
    }
}
