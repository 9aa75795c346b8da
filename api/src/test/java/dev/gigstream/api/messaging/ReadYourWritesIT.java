package dev.gigstream.api.messaging;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client reads its own writes, also while many clients write at once: a read that presents the
 * {@code Read-Position} a write answered shows that write (the escrow a hire answered is never a 404),
 * and a check-in sent once the escrow reads FUNDED is not refused because the job has not heard of the
 * funding yet.
 */
@PostgresIT
class ReadYourWritesIT {

    private static final int CLIENTS = 12;

    @Autowired
    Api api;

    @Test
    void theEscrowAHireAnsweredIsReadableAtTheHiresPosition() {
        var market = new Marketplace(api);
        List<Map<String, Object>> seen = concurrently(i -> {
            var client = api.signUp("CLIENT");
            var worker = market.worker();
            String jobId = market.jobStartingSoon(client);
            Api.Response applied = api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
            Api.Response hired = api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()),
                    client.accessToken()).expect(202);
            String escrowId = hired.json().get("escrowId").asText();
            Api.Response escrow = api.send("GET", "/api/v1/escrows/" + escrowId, null, client.accessToken(),
                    Map.of("Read-Position", hired.header("Read-Position")));
            return Map.of("applied", applied, "eligible", applied.json().get("eligible").asBoolean(false),
                    "escrow", escrow, "escrowId", escrowId);
        });

        assertThat(seen).allSatisfy(one -> {
            Api.Response applied = (Api.Response) one.get("applied");
            assertThat(applied.header("Read-Position")).as("the application's position").matches("\\d+");
            assertThat(one.get("eligible")).as("the worker's profile and the job are seen by the ranking").isEqualTo(true);
            Api.Response escrow = (Api.Response) one.get("escrow");
            assertThat(escrow.status()).as("the escrow read at the hire's position: %s", escrow.body()).isEqualTo(200);
            assertThat(escrow.json().get("escrowId").asText()).isEqualTo(one.get("escrowId"));
        });
    }

    @Test
    void aCheckInSentOnceTheEscrowReadsFundedIsNotRefusedForWantOfFunding() {
        var market = new Marketplace(api);
        List<Map<String, Object>> checkIns = concurrently(i -> {
            var hire = market.hire(api.signUp("CLIENT"), market.worker());
            long total = hire.answer().get("total").get("amount").asLong();
            market.paystack().markPaid(hire.reference(), total, "NGN", 34_750);
            market.deliverSigned(Marketplace.chargeSuccess(hire.reference(), total, 34_750)).expect(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> "FUNDED".equals(
                    api.get("/api/v1/escrows/" + hire.escrowId(), hire.client().accessToken()).json().path("status").asText()));
            Api.Response checkIn = api.post("/api/v1/jobs/" + hire.jobId() + "/check-in", Map.of("location", Marketplace.SITE),
                    hire.worker().accessToken());
            return Map.of("checkIn", checkIn);
        });

        assertThat(checkIns).allSatisfy(one -> {
            Api.Response checkIn = (Api.Response) one.get("checkIn");
            assertThat(checkIn.status()).as("check-in once the escrow read FUNDED: %s", checkIn.body()).isEqualTo(202);
        });
    }

    @Test
    void aReadPresentingAPositionNoReadModelCanReachIsAnsweredReadModelBehind() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();

        Api.Response behind = api.send("GET", "/api/v1/escrows/" + hire.escrowId(), null, hire.client().accessToken(),
                Map.of("Read-Position", "999999999999999"));
        Api.Response malformed = api.send("GET", "/api/v1/escrows/" + hire.escrowId(), null, hire.client().accessToken(),
                Map.of("Read-Position", "yesterday"));

        assertThat(behind.status()).isEqualTo(503);
        assertThat(behind.json().get("code").asText()).isEqualTo("READ_MODEL_BEHIND");
        assertThat(behind.header("Retry-After")).isEqualTo("1");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    /** Runs {@code user} for {@link #CLIENTS} clients at once and returns what each saw. */
    private static <T> List<T> concurrently(IntFunction<T> user) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<CompletableFuture<T>> all = IntStream.range(0, CLIENTS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> user.apply(i), clients)).toList();
            return all.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
    }
}
