package dev.gigstream.api.messaging;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.RestartableApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database and one MongoDB, whose read models and sagas run wherever the balancer
 * put them: a read on the other instance than the write's, presenting the write's {@code Read-Position},
 * shows the write, and a check-in on the other instance than the webhook's, sent once the escrow reads
 * FUNDED, is taken. The instance serving the read learns where the processors are from the token stores.
 */
class ReadYourWritesAcrossInstancesIT {

    private static final int CLIENTS = 6;

    @Test
    void readsOnTheOtherInstanceShowTheWritesTheyPresent() {
        MongoServer readModels = new MongoServer(new MemoryBackend());
        var app = new RestartableApp("--gigstream.read-models.uri=" + readModels.bindAndGetConnectionString(),
                "--gigstream.auth.rate-limit.requests=100000");
        try (ConfigurableApplicationContext first = app.start(); ConfigurableApplicationContext second = app.start()) {
            var a = new Marketplace(RestartableApp.api(first));
            var b = new Marketplace(RestartableApp.api(second));
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<CompletableFuture<Map<String, Api.Response>>> runs = IntStream.range(0, CLIENTS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> i % 2 == 0 ? run(a, b) : run(b, a), clients)).toList();
            List<Map<String, Api.Response>> seen = runs.stream().map(CompletableFuture::join).toList();
            clients.shutdown();

            assertThat(seen).allSatisfy(one -> {
                assertThat(one.get("applied").json().get("eligible").asBoolean(false))
                        .as("eligible, judged on the other instance's application: %s", one.get("applied").body()).isTrue();
                assertThat(one.get("escrow").status()).as("the hire's escrow on the other instance: %s",
                        one.get("escrow").body()).isEqualTo(200);
                assertThat(one.get("checkIn").status()).as("check-in once FUNDED: %s", one.get("checkIn").body())
                        .isEqualTo(202);
            });
        } finally {
            readModels.shutdownNow();
        }
    }

    /** One hire written on {@code one} and read on {@code other}; funded on {@code other}, checked in on {@code one}. */
    private static Map<String, Api.Response> run(Marketplace one, Marketplace other) {
        Api.User client = one.api().signUp("CLIENT");
        Api.User worker = other.worker();
        String jobId = one.jobStartingSoon(client);
        Api.Response applied = other.api().post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken())
                .expect(201);
        Api.Response hired = one.api().post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()),
                client.accessToken()).expect(202);
        String escrowId = hired.json().get("escrowId").asText();
        Api.Response escrow = other.api().send("GET", "/api/v1/escrows/" + escrowId, null, client.accessToken(),
                Map.of("Read-Position", hired.header("Read-Position")));

        String reference = hired.json().get("reference").asText();
        long total = hired.json().get("total").get("amount").asLong();
        other.paystack().markPaid(reference, total, "NGN", 34_750);
        other.deliverSigned(Marketplace.chargeSuccess(reference, total, 34_750)).expect(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FUNDED".equals(
                other.api().get("/api/v1/escrows/" + escrowId, client.accessToken()).json().path("status").asText()));
        Api.Response checkIn = one.api().post("/api/v1/jobs/" + jobId + "/check-in", Map.of("location", Marketplace.SITE),
                worker.accessToken());
        return Map.of("applied", applied, "escrow", escrow, "checkIn", checkIn);
    }
}
