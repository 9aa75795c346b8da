package dev.gigstream.api.sandbox;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app on the embedded default profile, started as the README starts it (no
 * GIGSTREAM_PAYMENTS): the sandbox is its payment mode, says so loudly, and carries a shift from hire to
 * payout; a payout left unanswered (test account 9999999999) survives a restart in the sandbox's tables
 * and is settled from the sandbox's page afterwards.
 */
class SandboxOnTheEmbeddedDefaultIT {

    private final PackagedApp app = PackagedApp.embedded("sandbox-embedded")
            .with("GIGSTREAM_SANDBOX_TRANSFER_DELAY", "100ms");

    @AfterEach
    void stop() throws InterruptedException {
        app.stop();
    }

    @Test
    void aShiftGoesFromHireToPayoutAndAnUnansweredPayoutIsSettledFromThePageAfterARestart() throws Exception {
        app.start();
        Api api = app.api();
        assertThat(app.logText()).contains("PAYMENTS SANDBOX").doesNotContain(FreshStores.PAYSTACK_SECRET);
        assertThat(api.get("/actuator/info", null).expect(200).json().get("payments").asText()).isEqualTo("SANDBOX");
        var market = new Marketplace(api);
        var sandbox = new SandboxSteps(api);

        var paidOut = market.hiredShift();
        sandbox.payWorkAndConfirm(market, paidOut);
        market.awaitJob(paidOut.jobId(), paidOut.client().accessToken(), job -> "COMPLETED".equals(job.get("status").asText()));
        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + paidOut.escrowId(), paidOut.client().accessToken(),
                view -> "RELEASED".equals(view.get("status").asText()));
        Marketplace.assertBalanced(escrow);
        assertThat(sandbox.verify("transfer/verify/" + paidOut.payout(1)).path("data").path("status").asText())
                .isEqualTo("success");

        var unanswered = market.hire(api.signUp("CLIENT"), market.worker("9999999999"));
        sandbox.payWorkAndConfirm(market, unanswered);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.paystackApi("GET",
                "transfer/verify/" + unanswered.payout(1)).status() == 200);

        restart();

        assertThat(sandbox.verify("transfer/verify/" + unanswered.payout(1)).path("data").path("status").asText())
                .as("still pending after the restart").isEqualTo("pending");
        assertThat(api.get("/sandbox", null).expect(200).body()).contains(unanswered.payout(1)).contains("Succeed now");
        assertThat(api.post("/sandbox/transfers/" + unanswered.payout(1) + "/succeed", null, null).status()).isEqualTo(303);
        market.awaitJob(unanswered.jobId(), unanswered.client().accessToken(),
                job -> "COMPLETED".equals(job.get("status").asText()));
        Api.Response again = api.post("/sandbox/transfers/" + unanswered.payout(1) + "/succeed", null, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("SANDBOX_REFUSED");
    }


    private void restart() throws InterruptedException, IOException {
        app.stop();
        app.start();
    }
}
