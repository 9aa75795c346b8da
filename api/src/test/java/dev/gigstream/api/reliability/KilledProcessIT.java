package dev.gigstream.api.reliability;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PackagedApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app is killed (SIGKILL: no shutdown of any kind) in the middle of lifecycles, some
 * just confirmed, some just paid, one just hired, and started again on the same database: every
 * lifecycle finishes, with exactly one transfer per job.
 */
class KilledProcessIT {

    @Test
    void lifecyclesInterruptedByKillNineAllFinishAfterARestart() throws Exception {
        var app = new PackagedApp("killed-process-app").start();
        Api api = app.api();
        var market = new Marketplace(api);
        List<Marketplace.Hire> confirmed = new ArrayList<>();
        List<Marketplace.Hire> paid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var hire = market.hiredShift();
            market.workedShift(hire);
            api.post("/api/v1/jobs/" + hire.jobId() + "/confirm", null, hire.client().accessToken()).expect(202);
            confirmed.add(hire);
            var other = market.hiredShift();
            market.payByWebhook(other.answer(), other.client(), other.jobId());
            paid.add(other);
        }
        var hiredOnly = market.hiredShift();
        app.kill();

        app.start();
        try {
            for (var hire : paid) {
                market.workedShift(hire);
                api.post("/api/v1/jobs/" + hire.jobId() + "/confirm", null, hire.client().accessToken()).expect(202);
            }
            market.completedShift(hiredOnly);
            List<Marketplace.Hire> all = new ArrayList<>(confirmed);
            all.addAll(paid);
            for (var hire : all) {
                String payout = hire.payout(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> market.transfersOf(payout).size() == 1);
                market.paystack().markTransfer(payout, "success");
                market.deliverSigned(Marketplace.transfer("transfer.success", payout, Marketplace.PAY)).expect(200);
                JsonNode job = market.awaitJob(hire.jobId(), hire.client().accessToken(),
                        view -> "COMPLETED".equals(view.get("status").asText()));
                assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
            }
            for (var hire : all) {
                assertThat(market.transfersOf(hire.payout(1))).as("one transfer for " + hire.jobId()).hasSize(1);
                assertThat(market.transfersOf(hire.payout(2))).isEmpty();
            }
        } finally {
            app.stop();
        }
    }
}
