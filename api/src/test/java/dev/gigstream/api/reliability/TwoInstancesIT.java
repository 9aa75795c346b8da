package dev.gigstream.api.reliability;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.RestartableApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL share the sagas' segments, the deadlines and the Paystack webhooks:
 * concurrent lifecycles, each step sent to the other instance than the one before, all complete with
 * exactly one transfer per job and every escrow's ledger balanced. No step is answered 409: a step that
 * meets the matching policy offering the same new job on the other instance is sent again by the
 * command gateway, not by the client.
 */
class TwoInstancesIT {

    private static final int LIFECYCLES = 6;

    @Test
    void concurrentLifecyclesAcrossTwoInstancesLoseNothingAndPayOnce() throws Exception {
        var app = new RestartableApp("--gigstream.auth.admin.email=" + Marketplace.ADMIN_EMAIL,
                "--gigstream.auth.admin.password=" + Marketplace.ADMIN_PASSWORD,
                "--gigstream.auth.rate-limit.requests=100000");
        try (ConfigurableApplicationContext first = app.start(); ConfigurableApplicationContext second = app.start()) {
            var a = new Marketplace(RestartableApp.api(first));
            var b = new Marketplace(RestartableApp.api(second));
            ExecutorService clients = Executors.newFixedThreadPool(LIFECYCLES);
            List<CompletableFuture<String>> escrows = new ArrayList<>();
            for (int i = 0; i < LIFECYCLES; i++) {
                boolean flip = i % 2 == 0;
                escrows.add(CompletableFuture.supplyAsync(() -> lifecycle(flip ? a : b, flip ? b : a), clients));
            }
            List<String> escrowIds = new ArrayList<>();
            for (var escrow : escrows) {
                escrowIds.add(escrow.get());
            }
            clients.shutdown();

            Api.User admin = a.admin();
            for (String escrowId : escrowIds) {
                assertThat(a.transfersOf("gs-pay-" + escrowId + "-1")).as("one transfer for " + escrowId).hasSize(1);
                assertThat(a.transfersOf("gs-pay-" + escrowId + "-2")).as("no second payout").isEmpty();
                JsonNode escrow = RestartableApp.api(second).get("/api/v1/escrows/" + escrowId, admin.accessToken())
                        .expect(200).json();
                assertThat(escrow.get("status").asText()).isEqualTo("RELEASED");
                Marketplace.assertBalanced(escrow);
            }
            assertThat(RestartableApp.api(first).get("/api/v1/admin/dead-letters", admin.accessToken()).expect(200).json())
                    .as("nothing parked").isEmpty();
        }
    }

    /** One lifecycle, each step on the other instance than the step before; returns the escrow id. */
    private static String lifecycle(Marketplace one, Marketplace other) {
        Api.User client = one.api().signUp("CLIENT");
        Api.User worker = other.worker();
        String jobId = one.jobStartingSoon(client);
        other.api().post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
        JsonNode hire = one.api().post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()), client.accessToken())
                .expect(202).json();
        other.payByWebhook(hire, client, jobId);
        one.api().post("/api/v1/jobs/" + jobId + "/check-in", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);
        other.api().post("/api/v1/jobs/" + jobId + "/check-out", Map.of("location", Marketplace.SITE), worker.accessToken()).expect(202);
        one.api().post("/api/v1/jobs/" + jobId + "/confirm", null, client.accessToken()).expect(202);
        String escrowId = hire.get("escrowId").asText();
        String payout = "gs-pay-" + escrowId + "-1";
        await().atMost(Duration.ofSeconds(30)).until(() -> one.transfersOf(payout).size() == 1);
        one.paystack().markTransfer(payout, "success");
        other.deliverSigned(Marketplace.transfer("transfer.success", payout, Marketplace.PAY)).expect(200);
        one.awaitJob(jobId, client.accessToken(), job -> "COMPLETED".equals(job.get("status").asText()));
        other.awaitJob(jobId, client.accessToken(), job -> "COMPLETED".equals(job.get("status").asText()));
        return escrowId;
    }
}
