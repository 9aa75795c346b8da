package dev.gigstream.api.escrow;

import dev.gigstream.api.GigstreamApplication;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application restarts between check-out and the automatic confirmation; the release still happens. */
class LifecycleSurvivesRestartIT {

    private final String database = PostgresDatabases.freshDatabase();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GigstreamApplication.class)
                .profiles("postgres")
                .run("--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + PostgresDatabases.user(),
                        "--spring.datasource.password=" + PostgresDatabases.password(),
                        "--gigstream.auth.jwt-secret=" + FreshStores.JWT_SECRET,
                        "--gigstream.paystack.base-url=" + FreshStores.paystack().baseUrl(),
                        "--gigstream.paystack.secret-key=" + FreshStores.PAYSTACK_SECRET,
                        "--gigstream.lifecycle.confirmation-window=5s");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void theConfirmationWindowFiresAfterARestartAndTheWorkerIsPaid() {
        String jobId;
        String escrowId;
        Api.User client;
        try (var first = start()) {
            Api api = api(first);
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

        try (var second = start()) {
            Api api = api(second);
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
